"""Old command names kept for one release: each runs its new command after a note on stderr."""


class RenamedCommand:
    """Mixed in before a command's class under its old name: `new_name` says which to use.

    The old name is the module's own (`reviews/management/commands/<old name>.py`).
    """

    new_name: str

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.help = f"Deprecated: use {cls.new_name}. {cls.help}"

    @property
    def old_name(self) -> str:
        return type(self).__module__.rpartition(".")[2]

    def handle(self, *args, **options):
        self.stderr.write(
            f"`{self.old_name}` is deprecated and will be removed in the next release: "
            f"use `{self.new_name}`.",
            style_func=self.style.WARNING,
        )
        return super().handle(*args, **options)
