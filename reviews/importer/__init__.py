"""Import a press review from pasted text: parse it into a proposal, let the editor correct
it, save it as a draft (see `parser`, `services`, `admin`)."""
