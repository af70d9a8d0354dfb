/*
 * "Move up" and "Move down" for the stories on a review's page (reviews/admin/stories.py).
 *
 * Each story gets two buttons in its heading; a click (or Enter, Space) swaps the story
 * with its neighbour on the page and swaps their position numbers, so that the order saved
 * is the order seen. The focus stays on the button pressed, and a live region says where
 * the story is now. New stories (added with "Add another Story") get buttons too; one
 * without a position is given the next free one before it moves.
 *
 * A file of its own, without inline code, for the site's Content Security Policy.
 */
(function () {
  "use strict";
  // Django's JavaScript catalogue (the admin pages load admin:jsi18n before this script);
  // without it, the English text as written.
  var gettext = window.gettext || function (text) { return text; };
  var interpolate = window.interpolate || function (format, values) {
    return format.replace(/%\((\w+)\)s/g, function (match, name) { return String(values[name]); });
  };

  var GROUP = "stories-group";
  var STORY = /^stories-\d+$/;
  var status = null;

  function stories(group) {
    return Array.prototype.filter.call(
      group.querySelectorAll(".djn-inline-form"),
      function (item) {
        return STORY.test(item.id);
      }
    );
  }

  function positionField(story) {
    return document.getElementById("id_" + story.id + "-position");
  }

  function fillMissingPositions(group) {
    var all = stories(group);
    var highest = 0;
    all.forEach(function (story) {
      var field = positionField(story);
      var value = field ? parseInt(field.value, 10) : NaN;
      if (!isNaN(value) && value > highest) {
        highest = value;
      }
    });
    all.forEach(function (story) {
      var field = positionField(story);
      if (field && field.value === "") {
        highest += 1;
        field.value = String(highest);
      }
    });
  }

  function announce(story) {
    var all = stories(story.parentNode.closest("#" + GROUP));
    var headline = document.getElementById("id_" + story.id + "-headline");
    status.textContent =
      (headline && headline.value ? headline.value : gettext("Story")) +
      ": " +
      interpolate(
        gettext("%(position)s of %(count)s."),
        { position: all.indexOf(story) + 1, count: all.length },
        true
      );
  }

  function move(story, direction) {
    var group = document.getElementById(GROUP);
    var all = stories(group);
    var index = all.indexOf(story);
    var other = all[index + direction];
    if (!other) {
      return;
    }
    fillMissingPositions(group);
    var mine = positionField(story);
    var theirs = positionField(other);
    if (mine && theirs) {
      var value = mine.value;
      mine.value = theirs.value;
      theirs.value = value;
    }
    if (direction < 0) {
      other.parentNode.insertBefore(story, other);
    } else {
      other.parentNode.insertBefore(story, other.nextSibling);
    }
    renumberNewStories(group);
    announce(story);
  }

  // A new story's heading says "#N", its place on the page: keep it true after a move.
  function renumberNewStories(group) {
    stories(group).forEach(function (item, index) {
      var label = item.querySelector(":scope > h3 > .inline_label");
      if (label && /^#\d+$/.test(label.textContent.trim())) {
        label.textContent = "#" + (index + 1);
      }
    });
  }

  function button(label, direction, story) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "story-order__button";
    element.textContent = label;
    element.addEventListener("click", function () {
      move(story, direction);
      element.focus();
    });
    return element;
  }

  function enhance(story) {
    var heading = story.querySelector(":scope > h3");
    if (!heading || !positionField(story) || heading.querySelector(".story-order")) {
      return;
    }
    var tools = document.createElement("span");
    tools.className = "story-order";
    tools.appendChild(button(gettext("Move up"), -1, story));
    tools.appendChild(button(gettext("Move down"), 1, story));
    heading.appendChild(tools);
  }

  function start() {
    var group = document.getElementById(GROUP);
    if (!group) {
      return;
    }
    status = document.createElement("p");
    status.className = "story-order__status";
    status.setAttribute("role", "status");
    group.appendChild(status);
    stories(group).forEach(enhance);
    document.addEventListener("formset:added", function (event) {
      if (event.target && STORY.test(event.target.id || "")) {
        enhance(event.target);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
