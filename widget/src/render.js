// Turning conversation entries into rows of the message log. Message text only ever becomes
// text nodes; in the crisis message, the phone numbers and findahelpline.com become links.

// Crisis numbers and the helpline directory: the only text that ever becomes a link.
var CRISIS_LINK_RE =
  /(?:https?:\/\/)?(?:www\.)?findahelpline\.com(?:\/[^\s<>"')\]]*[^\s<>"')\].,;:!?])?|\b116[ \u00a0]?123\b|\b(?:988|911|999|112)\b/gi;

var rowsById = {}; // entry id -> its row in the log

// Appends `text` to `parent` as text nodes, with crisis numbers and findahelpline.com
// turned into <a> elements. No HTML parsing of the text at any point.
function appendLinkified(parent, text) {
  var last = 0;
  var match;
  CRISIS_LINK_RE.lastIndex = 0;
  while ((match = CRISIS_LINK_RE.exec(text)) !== null) {
    var found = match[0];
    if (match.index > last) {
      parent.appendChild(document.createTextNode(text.slice(last, match.index)));
    }
    var link = document.createElement("a");
    link.className = "rc-link";
    if (/findahelpline/i.test(found)) {
      var path = found.replace(/^(?:https?:\/\/)?(?:www\.)?findahelpline\.com/i, "");
      link.setAttribute("href", "https://findahelpline.com" + path);
      link.setAttribute("target", "_blank");
      link.setAttribute("rel", "noopener");
    } else {
      link.setAttribute("href", "tel:" + found.replace(/\D/g, ""));
    }
    link.textContent = found;
    parent.appendChild(link);
    last = match.index + found.length;
  }
  if (last < text.length) {
    parent.appendChild(document.createTextNode(text.slice(last)));
  }
}

function prefersReducedMotion() {
  return !!(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
}

function nearBottom() {
  var log = ui.log;
  return !log || log.scrollHeight - log.scrollTop - log.clientHeight < 80;
}

function scrollToEnd(instant) {
  var log = ui.log;
  if (!log) {
    return;
  }
  var behavior = instant || prefersReducedMotion() ? "auto" : "smooth";
  var lastRow = log.lastElementChild;
  if (lastRow && window.getComputedStyle && window.getComputedStyle(log).overflowY === "visible") {
    // Short screens: the page scrolls, not the log. (Browsers without the options take the
    // object as "align to top", which also shows the row.)
    lastRow.scrollIntoView({ block: "nearest", behavior: behavior });
    return;
  }
  if (typeof log.scrollTo === "function") {
    log.scrollTo({ top: log.scrollHeight, behavior: behavior });
  } else {
    log.scrollTop = log.scrollHeight; // browsers without Element.scrollTo
  }
}

// A scrollable log must be reachable by keyboard; when it holds buttons or links those
// do it, and the log itself stays out of the Tab order.
function updateLogFocusable() {
  if (!ui.log) {
    return;
  }
  if (ui.log.querySelector("button, a[href]")) {
    ui.log.removeAttribute("tabindex");
  } else {
    ui.log.setAttribute("tabindex", "0");
  }
}

function renderUser(entry) {
  var bubble = el("div", { className: "rc-bubble" }, [el("p", { className: "rc-text", text: entry.text })]);
  var msg = el("div", { className: "rc-msg rc-msg--user", "data-testid": "user-message" }, [bubble]);
  return el("div", { className: "rc-row rc-row--user", "data-id": entry.id }, [
    el("span", { className: "rc-sr", text: "You said: " }), msg
  ]);
}

function renderBot(entry) {
  var crisis = entry.topic === "crisis";
  var msg = el("div", {
    className: "rc-msg rc-msg--bot" + (crisis ? " rc-msg--crisis" : ""),
    "data-testid": "bot-message",
    "data-topic": entry.topic || ""
  });
  if (entry.text) {
    var text = el("p", { className: "rc-text" });
    if (crisis) {
      appendLinkified(text, entry.text);
    } else {
      text.textContent = entry.text;
    }
    msg.appendChild(el("div", { className: "rc-bubble" }, [text]));
  }
  if (entry.section) {
    msg.appendChild(el("p", { className: "rc-section", "data-testid": "section", text: "From: " + entry.section }));
  }
  if (entry.buttons && entry.buttons.length) {
    var group = el("div", { className: "rc-replies", role: "group", "aria-label": "Suggested replies" });
    entry.buttons.forEach(function (button) {
      var b = el("button", {
        type: "button", className: "rc-reply", "data-testid": "quick-reply", text: button.title
      });
      b.addEventListener("click", function () {
        sendUser(button.title, button.payload);
      });
      group.appendChild(b);
    });
    msg.appendChild(group);
  }
  return el("div", { className: "rc-row rc-row--bot", "data-id": entry.id }, [
    el("span", { className: "rc-sr", text: "Reconnect said: " }), msg
  ]);
}

function renderEntry(entry) {
  var row = entry.from === "user" ? renderUser(entry) : renderBot(entry);
  rowsById[entry.id] = row;
  ui.log.appendChild(row);
  return row;
}

function removeRow(id) {
  var row = rowsById[id];
  if (row && row.parentNode) {
    row.parentNode.removeChild(row);
  }
  delete rowsById[id];
}

function clearLog() {
  clear(ui.log);
  rowsById = {};
  updateLogFocusable();
}

// "sending…" under user messages that wait for the connection.
function refreshPendingNotes() {
  historyEntries.forEach(function (entry) {
    if (entry.from !== "user") {
      return;
    }
    var row = rowsById[entry.id];
    if (!row) {
      return;
    }
    var msg = row.querySelector(".rc-msg");
    var note = row.querySelector(".rc-note");
    var waiting = isQueued(entry.id);
    if (waiting && !note && msg) {
      msg.appendChild(el("p", { className: "rc-note", text: SENDING_TEXT }));
    } else if (!waiting && note) {
      note.parentNode.removeChild(note);
    }
  });
}
