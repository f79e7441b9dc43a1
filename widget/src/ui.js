// The widget's panel: header with "Need help now?" and "Start over", the status banner, the
// help panel, the Start over confirmation, the message log, the typing indicator and the
// message input.

var ui = {}; // the panel's elements, filled by buildUi

function openHelp() {
  ui.help.hidden = false;
  ui.helpBtn.setAttribute("aria-expanded", "true");
  ui.help.focus();
}

function closeHelp(returnFocus) {
  ui.help.hidden = true;
  ui.helpBtn.setAttribute("aria-expanded", "false");
  if (returnFocus) {
    ui.helpBtn.focus();
  }
}

function showConfirm() {
  ui.confirm.hidden = false;
  ui.startBtn.setAttribute("aria-expanded", "true");
  ui.confirm.focus();
}

function hideConfirm(returnFocus) {
  ui.confirm.hidden = true;
  ui.startBtn.setAttribute("aria-expanded", "false");
  if (returnFocus) {
    ui.startBtn.focus();
  }
}

// Deletes the conversation here and on the server, and starts a new one.
function startOver() {
  hideConfirm(false);
  forgetConversation();
  clearHistory();
  clearLog();
  hideTyping();
  ui.input.focus({ preventScroll: isEmbedded() });
}

function updateCounter() {
  var length = ui.input.value.length;
  if (length > COUNTER_FROM) {
    ui.counter.hidden = false;
    ui.counter.textContent = length + " / " + MAX_LENGTH + " characters";
  } else if (!ui.counter.hidden) {
    ui.counter.hidden = true;
    ui.counter.textContent = "";
  }
}

function autosize() {
  var input = ui.input;
  input.style.height = "auto";
  var border = input.offsetHeight - input.clientHeight;
  input.style.height = (input.scrollHeight + border) + "px";
}

function submitInput() {
  var text = ui.input.value.slice(0, MAX_LENGTH);
  if (!text.trim()) {
    return;
  }
  text = text.replace(/^\s+|\s+$/g, "");
  ui.input.value = "";
  autosize();
  updateCounter();
  sendUser(text, text);
}

// The header: the widget's name, what it is, and its two buttons; in the embedded mode, a
// button that closes the panel too.
function buildHeader(uid, headingTag, onClose) {
  ui.helpBtn = el("button", {
    type: "button", className: "rc-btn rc-btn--primary", "data-testid": "help-now",
    "aria-expanded": "false", "aria-controls": uid + "-help", text: "Need help now?"
  });
  ui.startBtn = el("button", {
    type: "button", className: "rc-btn rc-btn--quiet", "data-testid": "start-over",
    "aria-expanded": "false", "aria-controls": uid + "-confirm", text: "Start over"
  });
  var titles = el("div", { className: "rc-titles" }, [
    el(headingTag, { className: "rc-title", id: uid + "-title", text: options.title }),
    el("p", { className: "rc-subtitle", text: SUBTITLE })
  ]);
  var actions = el("div", { className: "rc-actions" }, [ui.helpBtn, ui.startBtn]);
  if (!onClose) {
    return el("header", { className: "rc-header" }, [titles, actions]);
  }
  ui.closeBtn = el("button", {
    type: "button", className: "rc-btn rc-btn--quiet rc-close", "data-testid": "close",
    "aria-label": "Close the chat", title: "Close the chat"
  }, [icon(CLOSE_ICON)]);
  ui.closeBtn.addEventListener("click", onClose);
  return el("header", { className: "rc-header" }, [
    el("div", { className: "rc-header__top" }, [titles, ui.closeBtn]), actions
  ]);
}

// "Need help now?": the crisis message, with its numbers as links, shown from the page
// itself, with no request to the server.
function buildHelp(uid, headingTag) {
  ui.helpClose = el("button", {
    type: "button", className: "rc-btn rc-btn--quiet rc-btn--small", "data-testid": "help-close",
    "aria-label": "Close help panel", text: "Close"
  });
  var text = el("p", { className: "rc-help__text" });
  appendLinkified(text, CRISIS_TEXT);
  ui.help = el("section", {
    className: "rc-panel rc-help", id: uid + "-help", "data-testid": "help-panel",
    "aria-labelledby": uid + "-help-title", tabindex: "-1", hidden: true
  }, [
    el("div", { className: "rc-panel__head" }, [
      el(headingTag, { className: "rc-panel__title", id: uid + "-help-title", text: "Help right now" }),
      ui.helpClose
    ]),
    text
  ]);
  return ui.help;
}

function buildConfirm(uid) {
  ui.confirmYes = el("button", {
    type: "button", className: "rc-btn rc-btn--primary", "data-testid": "start-over-confirm",
    text: "Yes, start over"
  });
  ui.confirmNo = el("button", {
    type: "button", className: "rc-btn rc-btn--quiet", "data-testid": "start-over-cancel", text: "Cancel"
  });
  ui.confirm = el("div", {
    className: "rc-panel rc-confirm", id: uid + "-confirm", role: "group",
    "aria-labelledby": uid + "-confirm-q", tabindex: "-1", hidden: true
  }, [
    el("p", {
      className: "rc-confirm__q", id: uid + "-confirm-q",
      text: "Start a new conversation? This deletes this conversation here and on the server."
    }),
    el("div", { className: "rc-confirm__actions" }, [ui.confirmYes, ui.confirmNo])
  ]);
  return ui.confirm;
}

function buildTyping() {
  ui.typing = el("div", {
    className: "rc-typing", role: "status", "aria-label": "Reconnect is typing", "data-testid": "typing",
    hidden: true
  }, [
    el("span", { className: "rc-dot", "aria-hidden": "true" }),
    el("span", { className: "rc-dot", "aria-hidden": "true" }),
    el("span", { className: "rc-dot", "aria-hidden": "true" }),
    el("span", { className: "rc-sr", text: "Reconnect is typing\u2026" })
  ]);
  return ui.typing;
}

function buildComposer(uid) {
  ui.counter = el("p", { className: "rc-counter", id: uid + "-counter", hidden: true });
  ui.input = el("textarea", {
    className: "rc-input", id: uid + "-input", "data-testid": "input", rows: "1",
    maxlength: String(MAX_LENGTH), "aria-label": "Message to Reconnect",
    "aria-describedby": uid + "-counter", placeholder: "Type a message\u2026", autocomplete: "off"
  });
  ui.send = el("button", { type: "submit", className: "rc-btn rc-btn--send", "data-testid": "send", text: "Send" });
  ui.form = el("form", { className: "rc-composer", "aria-label": "Send a message", novalidate: true }, [
    el("div", { className: "rc-composer__row" }, [ui.input, ui.send]),
    ui.counter
  ]);
  return ui.form;
}

function listen() {
  ui.helpBtn.addEventListener("click", function () {
    if (ui.help.hidden) {
      openHelp();
    } else {
      closeHelp(true);
    }
  });
  ui.helpClose.addEventListener("click", function () {
    closeHelp(true);
  });
  ui.startBtn.addEventListener("click", function () {
    if (ui.confirm.hidden) {
      showConfirm();
    } else {
      hideConfirm(true);
    }
  });
  ui.confirmYes.addEventListener("click", startOver);
  ui.confirmNo.addEventListener("click", function () {
    hideConfirm(true);
  });
  ui.form.addEventListener("submit", function (event) {
    event.preventDefault();
    submitInput();
  });
  ui.input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      submitInput();
    }
  });
  ui.input.addEventListener("input", function () {
    autosize();
    updateCounter();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") {
      return;
    }
    if (!ui.help.hidden) {
      closeHelp(true);
    } else if (!ui.confirm.hidden) {
      hideConfirm(true);
    }
  });
}

// Builds the panel with the stored conversation in it and puts it into `container`.
// embedded: {onClose} in the embedded mode (embed.js).
function buildUi(container, embedded) {
  var uid = "rc-" + Math.random().toString(36).slice(2, 8);
  // One heading level below the page's own h1, when it has one; never the page's h1 when the
  // widget is a part of someone else's page.
  var headingTag = embedded || document.querySelector("h1") ? "h2" : "h1";
  var panelHeadingTag = headingTag === "h1" ? "h2" : "h3";

  ui.banner = el("div", {
    className: "rc-banner", role: "status", "data-testid": "connection-banner", hidden: true
  });
  ui.deleting = el("p", {
    className: "rc-deleting", role: "status", "data-testid": "deletion-status", hidden: true
  });
  ui.log = el("div", {
    className: "rc-log", role: "log", "aria-live": "polite", "aria-label": "Conversation with Reconnect",
    "data-testid": "messages"
  });
  ui.root = el("section", { className: "rc-widget", "aria-labelledby": uid + "-title" }, [
    buildHeader(uid, headingTag, embedded && embedded.onClose), ui.banner, ui.deleting, buildHelp(uid, panelHeadingTag), buildConfirm(uid),
    ui.log, buildTyping(), buildComposer(uid)
  ]);
  listen();

  // Render the stored conversation before the log is in the page, so screen readers
  // do not read the whole history out as new.
  historyEntries.forEach(renderEntry);
  clear(container);
  container.appendChild(ui.root);
  updateLogFocusable();
  refreshPendingNotes();
  scrollToEnd(true);
}
