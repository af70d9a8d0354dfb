/*
 * Tag suggestions in the admin, from the existing vocabulary, most used first.
 *
 * Enhances taggit's comma-separated tag inputs (name "tags", or "<prefix>-tags" in inline
 * forms, including those added after the page loaded) and single-tag inputs marked
 * data-tag-autocomplete="single". Suggestions complete the tag being typed: arrow keys
 * move through them, Enter or a click takes one, Escape closes the list.
 *
 * Without this script the inputs are the plain text inputs they always were. It is a file
 * of its own (no inline code) so that a Content Security Policy without 'unsafe-inline'
 * allows it; the address to ask comes from its <script data-source="..."> element.
 */
(function () {
  "use strict";
  // Django's JavaScript catalogue (the admin pages load admin:jsi18n before this script);
  // without it, the English text as written.
  var gettext = window.gettext || function (text) { return text; };
  var ngettext = window.ngettext || function (one, many, count) { return count === 1 ? one : many; };
  var interpolate = window.interpolate || function (format, values) {
    return format.replace(/%\((\w+)\)s/g, function (match, name) { return String(values[name]); });
  };

  var script = document.currentScript;
  var source = script && script.getAttribute("data-source");
  if (!source || !window.fetch || !document.addEventListener) {
    return;
  }

  var SELECTOR =
    'input[name="tags"]:not([type="hidden"]), input[name$="-tags"]:not([type="hidden"]), ' +
    "input[data-tag-autocomplete]";
  var DELAY_MS = 150;

  var listbox = null; // one list, shown under whichever input has the focus
  var status = null; // announces the number of suggestions to screen readers
  var field = null; // the input the list belongs to
  var suggestions = [];
  var active = -1;
  var timer = null;
  var lastRequest = 0;

  function isTagInput(element) {
    return element instanceof HTMLInputElement && !element.readOnly && element.matches(SELECTOR);
  }

  function isList(input) {
    return input.getAttribute("data-tag-autocomplete") !== "single";
  }

  function unquote(text) {
    return text.trim().replace(/^"+|"+$/g, "").trim();
  }

  /* The tag being typed: in a list, the text between the commas around the caret. */
  function currentPart(input) {
    var value = input.value;
    if (!isList(input)) {
      return { start: 0, end: value.length, text: value.trim() };
    }
    var caret = input.selectionStart === null ? value.length : input.selectionStart;
    var start = value.lastIndexOf(",", caret - 1) + 1;
    var end = value.indexOf(",", caret);
    if (end === -1) {
      end = value.length;
    }
    return { start: start, end: end, text: unquote(value.slice(start, end)) };
  }

  /* The other tags already in the input, lower-cased, not to be suggested again. */
  function otherTags(input, part) {
    if (!isList(input)) {
      return [];
    }
    var before = input.value.slice(0, part.start).split(",");
    var after = input.value.slice(part.end).split(",");
    return before.concat(after).map(function (name) {
      return unquote(name).toLowerCase();
    });
  }

  function setUp() {
    if (listbox) {
      return;
    }
    listbox = document.createElement("ul");
    listbox.id = "tag-suggestions";
    listbox.className = "tag-suggestions";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", gettext("Tag suggestions"));
    listbox.hidden = true;
    // mousedown, not click: taking a suggestion must not move the focus out of the input.
    listbox.addEventListener("mousedown", function (event) {
      event.preventDefault();
      var option = event.target.closest('[role="option"]');
      if (option) {
        choose(Number(option.getAttribute("data-index")));
      }
    });
    status = document.createElement("div");
    status.className = "tag-suggestions-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    document.body.appendChild(listbox);
    document.body.appendChild(status);
  }

  function enhance(input) {
    setUp();
    if (input.getAttribute("role") === "combobox") {
      return;
    }
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listbox.id);
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("autocomplete", "off");
  }

  function place() {
    var box = field.getBoundingClientRect();
    listbox.style.left = box.left + window.scrollX + "px";
    listbox.style.top = box.bottom + window.scrollY + 2 + "px";
    listbox.style.minWidth = Math.min(box.width, 384) + "px";
  }

  function close() {
    window.clearTimeout(timer);
    lastRequest += 1; // answers still on their way are no longer wanted
    suggestions = [];
    active = -1;
    if (!listbox) {
      return;
    }
    listbox.hidden = true;
    listbox.textContent = "";
    if (field) {
      field.setAttribute("aria-expanded", "false");
      field.removeAttribute("aria-activedescendant");
    }
  }

  function show(results) {
    var part = currentPart(field);
    var skip = otherTags(field, part);
    suggestions = results.filter(function (tag) {
      return skip.indexOf(tag.name.toLowerCase()) === -1;
    });
    active = -1;
    listbox.textContent = "";
    if (!suggestions.length) {
      close();
      status.textContent = "";
      return;
    }
    suggestions.forEach(function (tag, index) {
      var option = document.createElement("li");
      option.id = "tag-suggestion-" + index;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.setAttribute("data-index", String(index));
      var name = document.createElement("span");
      name.className = "tag-suggestion-name";
      name.textContent = tag.name;
      var count = document.createElement("span");
      count.className = "tag-suggestion-count";
      count.textContent = String(tag.count);
      count.setAttribute(
        "aria-label",
        interpolate(ngettext("%(count)s story", "%(count)s stories", tag.count), { count: tag.count }, true)
      );
      option.appendChild(name);
      option.appendChild(count);
      listbox.appendChild(option);
    });
    place();
    listbox.hidden = false;
    field.setAttribute("aria-expanded", "true");
    status.textContent =
      interpolate(
        ngettext("%(count)s suggestion", "%(count)s suggestions", suggestions.length),
        { count: suggestions.length },
        true
      );
  }

  function ask(input, term) {
    var request = (lastRequest += 1);
    var url = source + (source.indexOf("?") === -1 ? "?" : "&") + "q=" + encodeURIComponent(term);
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("Tag suggestions answered " + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        if (request === lastRequest && input === field && document.activeElement === input) {
          show(data.results || []);
        }
      })
      .catch(function () {
        // No suggestions, then: the input still works as plain text.
        close();
      });
  }

  function askSoon(input, openEvenIfEmpty) {
    window.clearTimeout(timer);
    var term = currentPart(input).text;
    if (!term && !openEvenIfEmpty) {
      close();
      return;
    }
    timer = window.setTimeout(function () {
      ask(input, term);
    }, DELAY_MS);
  }

  function highlight(index) {
    var options = listbox.querySelectorAll('[role="option"]');
    active = (index + options.length) % options.length;
    options.forEach(function (option, position) {
      option.setAttribute("aria-selected", position === active ? "true" : "false");
    });
    field.setAttribute("aria-activedescendant", options[active].id);
    options[active].scrollIntoView({ block: "nearest" });
  }

  function choose(index) {
    var tag = suggestions[index];
    if (!tag || !field) {
      return;
    }
    if (!isList(field)) {
      field.value = tag.name;
      field.setSelectionRange(tag.name.length, tag.name.length);
      close();
      return;
    }
    var value = field.value;
    var part = currentPart(field);
    var name = tag.name.indexOf(",") === -1 ? tag.name : '"' + tag.name + '"';
    var inserted = (part.start > 0 ? " " : "") + name;
    var last = part.end === value.length;
    // After the last tag, a comma and a space: ready for the next one, and a one-tag list
    // of several words stays one tag (taggit splits on spaces when there is no comma).
    var tail = last ? ", " : "";
    field.value = value.slice(0, part.start) + inserted + tail + value.slice(part.end);
    var caret = part.start + inserted.length + tail.length;
    field.setSelectionRange(caret, caret);
    close();
  }

  document.addEventListener("focusin", function (event) {
    if (isTagInput(event.target)) {
      if (field !== event.target) {
        close();
      }
      field = event.target;
      enhance(field);
    }
  });

  document.addEventListener("focusout", function (event) {
    if (event.target === field) {
      close();
    }
  });

  document.addEventListener("input", function (event) {
    if (isTagInput(event.target)) {
      field = event.target;
      enhance(field);
      askSoon(field, false);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.target !== field || !listbox) {
      return;
    }
    var open = !listbox.hidden && suggestions.length > 0;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (open) {
          highlight(active + 1);
        } else {
          askSoon(field, true);
        }
        break;
      case "ArrowUp":
        if (open) {
          event.preventDefault();
          highlight(active - 1);
        }
        break;
      case "Enter":
        // Enter takes the highlighted suggestion instead of submitting the form.
        if (open && active >= 0) {
          event.preventDefault();
          choose(active);
        }
        break;
      case "Escape":
        if (open) {
          event.preventDefault();
          close();
        }
        break;
      case "Tab":
        close();
        break;
    }
  });

  window.addEventListener("resize", function () {
    if (listbox && !listbox.hidden) {
      place();
    }
  });
})();
