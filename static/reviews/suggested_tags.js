/*
 * On a story's page in the tagging queue: a suggested tag's "+" button puts the tag into the
 * story's tag field, to be saved with the form and whatever else was typed there. Without
 * this script the button saves that one tag at once (reviews/admin/suggestions.py). A file
 * of its own, no inline code, for a Content Security Policy without 'unsafe-inline'.
 */
(function () {
  "use strict";

  if (!document.addEventListener || !Element.prototype.closest) {
    return;
  }

  function trimmed(part) {
    return part.trim();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".suggested-tags-row .suggestion-accept");
    var field = button && button.form && button.form.querySelector('input[name="tags"]');
    if (!field || field.type === "hidden" || field.readOnly) {
      return;
    }
    event.preventDefault();
    var name = button.getAttribute("data-tag");
    var parts = field.value.split(",").map(trimmed).filter(Boolean);
    var wanted = name.toLowerCase();
    var present = parts.some(function (part) {
      return part.replace(/^"|"$/g, "").toLowerCase() === wanted;
    });
    if (!present) {
      parts.push(name.indexOf(",") === -1 ? name : '"' + name + '"');
    }
    // A comma after the last tag: a one-tag list of several words stays one tag.
    field.value = parts.join(", ") + ", ";
    button.closest(".tag-suggestion").hidden = true;
    field.focus();
  });
})();
