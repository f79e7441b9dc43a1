/*
 * Reconnect chat widget: plain JavaScript, no framework, no third-party requests.
 *
 * Talks to Rasa's socket.io channel (events session_request / session_confirm /
 * user_uttered / bot_uttered). Every piece of message text goes into the page through
 * textContent or text nodes; the only links ever built are the crisis phone numbers and
 * findahelpline.com, made with DOM APIs.
 *
 * Embedding on another site:
 *   <script>window.ReconnectConfig = {serverUrl: "https://example.org"};</script>
 *   <script src="https://example.org/webhooks/widget/reconnect-widget.js"></script>
 * socket.io.min.js, crisis.js and reconnect-widget.css are then loaded from the folder
 * this script came from, when the page has not loaded them already.
 */
(function () {
  "use strict";

  if (window.ReconnectWidget) {
    return; // loaded twice: the first copy is already running
  }
  window.ReconnectWidget = { version: "1.0.0" };

  // ---------------------------------------------------------------- constants
  var SESSION_KEY = "reconnect.session_id";
  // Sent for the old conversation on "Start over": the server deletes what it stored.
  var FORGET_COMMAND = "/delete_conversation";
  var HISTORY_KEY = "reconnect.history";
  var HISTORY_CAP = 200;
  var MAX_LENGTH = 5000;
  var COUNTER_FROM = 4500;
  var MAX_BOT_TEXT = 20000;
  var MAX_BUTTONS = 20;
  var TYPING_IDLE_MS = 700;
  var TYPING_MAX_MS = 15000;
  var BANNER_DELAY_MS = 3000;
  var META_MERGE_MS = 3000;
  var BANNER_TEXT = "Connection lost \u2014 reconnecting\u2026";
  var NOT_HANDLED_TEXT = "Your last message could not be handled. Please send it again in a moment.";
  var NOTICE_MS = 10000;
  var SENDING_TEXT = "sending\u2026";
  var SUBTITLE = "An automated assistant \u2014 not a therapist, not for emergencies";
  // Only used when crisis.js (generated from the bot's own crisis message) cannot be loaded,
  // so the help panel is never empty.
  var FALLBACK_CRISIS_TEXT =
    "You deserve support right now, from a person who can help.\n" +
    "- US: call or text 988 (988 Suicide & Crisis Lifeline)\n" +
    "- UK and Ireland: call Samaritans on 116 123\n" +
    "- Anywhere else: findahelpline.com lists free helplines in your country\n" +
    "- If you are in immediate danger, call your local emergency number (911, 999 or 112).";

  // Crisis numbers and the helpline directory: the only text that ever becomes a link.
  var CRISIS_LINK_RE =
    /(?:https?:\/\/)?(?:www\.)?findahelpline\.com(?:\/[^\s<>"')\]]*[^\s<>"')\].,;:!?])?|\b116[ \u00a0]?123\b|\b(?:988|911|999|112)\b/gi;

  // ------------------------------------------------------------------ config
  var config = window.ReconnectConfig && typeof window.ReconnectConfig === "object"
    ? window.ReconnectConfig : {};
  var serverUrl = typeof config.serverUrl === "string" && config.serverUrl
    ? config.serverUrl.replace(/\/+$/, "") : window.location.origin;
  var socketPath = typeof config.socketPath === "string" && config.socketPath
    ? config.socketPath : "/socket.io";

  // The folder this script was loaded from (for socket.io.min.js, crisis.js and the CSS).
  var assetBase = (function () {
    var src = document.currentScript && document.currentScript.src;
    if (!src) {
      var scripts = document.getElementsByTagName("script");
      for (var i = scripts.length - 1; i >= 0; i--) {
        if (/reconnect-widget\.js(?:[?#]|$)/.test(scripts[i].src || "")) {
          src = scripts[i].src;
          break;
        }
      }
    }
    return src ? src.replace(/[?#].*$/, "").replace(/[^/]*$/, "") : "";
  })();

  // ----------------------------------------------------------------- storage
  // localStorage can be missing or throw (private modes, blocked storage, full quota):
  // fall back to memory so the widget keeps working for this page view.
  var memoryStore = {};

  function storeGet(key) {
    try {
      var value = window.localStorage.getItem(key);
      return value === null && Object.prototype.hasOwnProperty.call(memoryStore, key)
        ? memoryStore[key] : value;
    } catch (e) {
      return Object.prototype.hasOwnProperty.call(memoryStore, key) ? memoryStore[key] : null;
    }
  }

  function storeSet(key, value) {
    memoryStore[key] = value;
    try {
      window.localStorage.setItem(key, value);
      delete memoryStore[key];
    } catch (e) { /* kept in memory */ }
  }

  function storeRemove(key) {
    delete memoryStore[key];
    try {
      window.localStorage.removeItem(key);
    } catch (e) { /* nothing to do */ }
  }

  // ------------------------------------------------------------------- state
  var state = {
    socket: null,
    connected: false,
    ready: false,           // connected and the current session confirmed
    pendingRequests: 0,     // session_request sent, session_confirm not yet received
    sessionId: null,
    greetPending: false,    // send "/greet" silently once the session is confirmed
    ignoreBot: false,       // after "Start over", until the new session is confirmed
    outbox: [],             // {id?, message, sessionId?, silent, noTyping, state}
    history: [],
    lastBot: null,          // {entry, at}: to merge a separate topic-only message
    pendingMeta: null,      // {topic, section, at}: topic-only message seen before its text
    ioRetry: 0
  };
  var ui = {};
  var idCounter = 0;
  var typingIdleTimer = null;
  var typingMaxTimer = null;
  var noticeTimer = null;

  function newId() {
    idCounter += 1;
    return Date.now().toString(36) + "-" + idCounter.toString(36) +
      "-" + Math.random().toString(36).slice(2, 6);
  }

  function str(value) {
    return typeof value === "string" ? value : "";
  }

  function isPlainObject(value) {
    return !!value && typeof value === "object" && !Array.isArray(value);
  }

  // ---------------------------------------------------------------- messages
  function cleanButtons(raw) {
    var buttons = [];
    if (!Array.isArray(raw)) {
      return buttons;
    }
    for (var i = 0; i < raw.length && buttons.length < MAX_BUTTONS; i++) {
      var b = raw[i];
      if (!isPlainObject(b)) {
        continue;
      }
      var title = str(b.title).trim();
      var payload = str(b.payload);
      if (!title && !payload.trim()) {
        continue;
      }
      buttons.push({ title: (title || payload).slice(0, 500), payload: (payload || title).slice(0, MAX_LENGTH) });
    }
    return buttons;
  }

  function metaOf(data) {
    var custom = isPlainObject(data.custom) ? data.custom : {};
    var metadata = isPlainObject(data.metadata) ? data.metadata : {};
    return {
      topic: (str(custom.topic) || str(data.topic) || str(metadata.topic)).slice(0, 200),
      section: (str(custom.section) || str(metadata.section)).slice(0, 300)
    };
  }

  // One bot_uttered payload -> {text, buttons, topic, section}, or null when there is
  // nothing to show. Never throws.
  function normalizeBot(data) {
    if (!isPlainObject(data)) {
      return null;
    }
    var meta = metaOf(data);
    var buttons = cleanButtons(Array.isArray(data.quick_replies) ? data.quick_replies : data.buttons);
    var text = str(data.text).slice(0, MAX_BOT_TEXT);
    return { text: text, buttons: buttons, topic: meta.topic, section: meta.section };
  }

  function cleanEntry(e) {
    if (!isPlainObject(e)) {
      return null;
    }
    var id = str(e.id) || newId();
    if (e.from === "user") {
      var text = str(e.text).slice(0, MAX_LENGTH);
      if (!text.trim()) {
        return null;
      }
      var entry = { id: id, from: "user", text: text };
      if (typeof e.send === "string" && e.send.trim()) {
        entry.send = e.send.slice(0, MAX_LENGTH);
      }
      if (e.pending === true) {
        entry.pending = true;
      }
      return entry;
    }
    if (e.from === "bot") {
      var bot = normalizeBot(e);
      if (!bot || (!bot.text && !bot.buttons.length)) {
        return null;
      }
      return {
        id: id, from: "bot", text: bot.text, buttons: bot.buttons,
        topic: str(e.topic).slice(0, 200), section: str(e.section).slice(0, 300)
      };
    }
    return null;
  }

  function loadHistory() {
    var raw = storeGet(HISTORY_KEY);
    if (!raw) {
      return [];
    }
    var parsed;
    try {
      parsed = JSON.parse(raw);
    } catch (e) {
      return [];
    }
    if (!Array.isArray(parsed)) {
      return [];
    }
    var out = [];
    for (var i = 0; i < parsed.length; i++) {
      var entry = cleanEntry(parsed[i]);
      if (entry) {
        out.push(entry);
      }
    }
    return out.slice(-HISTORY_CAP);
  }

  function saveHistory() {
    if (!state.history.length) {
      storeRemove(HISTORY_KEY);
      return;
    }
    var json;
    try {
      json = JSON.stringify(state.history);
    } catch (e) {
      return;
    }
    storeSet(HISTORY_KEY, json);
  }

  function findEntry(id) {
    for (var i = state.history.length - 1; i >= 0; i--) {
      if (state.history[i].id === id) {
        return state.history[i];
      }
    }
    return null;
  }

  function pushHistory(entry) {
    state.history.push(entry);
    while (state.history.length > HISTORY_CAP) {
      var old = state.history.shift();
      var node = ui.rows && ui.rows[old.id];
      if (node && node.parentNode) {
        node.parentNode.removeChild(node);
      }
      if (ui.rows) {
        delete ui.rows[old.id];
      }
    }
    saveHistory();
  }

  // --------------------------------------------------------------- DOM utils
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      for (var key in attrs) {
        if (!Object.prototype.hasOwnProperty.call(attrs, key)) {
          continue;
        }
        var value = attrs[key];
        if (value === null || value === undefined || value === false) {
          continue;
        }
        if (key === "text") {
          node.textContent = value;
        } else if (key === "className") {
          node.className = value;
        } else {
          node.setAttribute(key, value === true ? "" : String(value));
        }
      }
    }
    if (children) {
      for (var i = 0; i < children.length; i++) {
        if (children[i]) {
          node.appendChild(children[i]);
        }
      }
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

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
    try {
      return !!(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
    } catch (e) {
      return false;
    }
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
      // Short screens: the page scrolls, not the log.
      try {
        lastRow.scrollIntoView({ block: "nearest", behavior: behavior });
      } catch (e) { /* old browser: leave the scroll position */ }
      return;
    }
    var top = log.scrollHeight;
    try {
      log.scrollTo({ top: top, behavior: behavior });
    } catch (e) {
      log.scrollTop = top;
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

  // ------------------------------------------------------------- rendering
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
    ui.rows[entry.id] = row;
    ui.log.appendChild(row);
    return row;
  }

  function replaceEntry(entry) {
    var old = ui.rows[entry.id];
    if (!old || !old.parentNode) {
      return;
    }
    var row = entry.from === "user" ? renderUser(entry) : renderBot(entry);
    old.parentNode.replaceChild(row, old);
    ui.rows[entry.id] = row;
    refreshPendingNotes();
    updateLogFocusable();
  }

  function outboxItem(id) {
    for (var i = 0; i < state.outbox.length; i++) {
      if (state.outbox[i].id === id) {
        return state.outbox[i];
      }
    }
    return null;
  }

  // "sending…" under user messages that wait for the connection.
  function refreshPendingNotes() {
    if (!ui.rows) {
      return;
    }
    state.history.forEach(function (entry) {
      if (entry.from !== "user") {
        return;
      }
      var row = ui.rows[entry.id];
      if (!row) {
        return;
      }
      var msg = row.querySelector(".rc-msg");
      var note = row.querySelector(".rc-note");
      var item = outboxItem(entry.id);
      var waiting = !!item && item.state === "queued";
      if (waiting && !note && msg) {
        msg.appendChild(el("p", { className: "rc-note", text: SENDING_TEXT }));
      } else if (!waiting && note) {
        note.parentNode.removeChild(note);
      }
    });
  }

  // ---------------------------------------------------------------- typing
  function showTyping() {
    if (!ui.typing) {
      return;
    }
    clearTimeout(typingIdleTimer);
    clearTimeout(typingMaxTimer);
    var stick = nearBottom();
    ui.typing.hidden = false;
    typingMaxTimer = setTimeout(hideTyping, TYPING_MAX_MS);
    if (stick) {
      scrollToEnd();
    }
  }

  function bumpTyping() {
    if (!ui.typing || ui.typing.hidden) {
      return;
    }
    clearTimeout(typingIdleTimer);
    clearTimeout(typingMaxTimer);
    typingIdleTimer = setTimeout(hideTyping, TYPING_IDLE_MS);
  }

  function hideTyping() {
    clearTimeout(typingIdleTimer);
    clearTimeout(typingMaxTimer);
    if (ui.typing) {
      ui.typing.hidden = true;
    }
  }

  // ---------------------------------------------------------------- banner
  function showBanner() {
    if (ui.banner && (ui.banner.hidden || ui.banner.textContent !== BANNER_TEXT)) {
      ui.banner.hidden = false;
      ui.banner.textContent = BANNER_TEXT;
    }
  }

  // The server refused or could not handle a message (reconnect_error): say so, briefly,
  // in the same status banner, so a message never silently goes unanswered.
  function onServerError(data) {
    hideTyping();
    var reason = isPlainObject(data) ? str(data.error).slice(0, 300) : "";
    if (!ui.banner || (!ui.banner.hidden && ui.banner.textContent === BANNER_TEXT)) {
      return; // the connection banner says more
    }
    ui.banner.hidden = false;
    ui.banner.textContent = NOT_HANDLED_TEXT + (reason ? " (" + reason + ")" : "");
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(function () {
      if (ui.banner.textContent !== BANNER_TEXT) {
        hideBanner();
      }
    }, NOTICE_MS);
  }

  function hideBanner() {
    if (ui.banner && !ui.banner.hidden) {
      ui.banner.hidden = true;
      ui.banner.textContent = "";
    }
  }

  // --------------------------------------------------------------- sending
  function canSend() {
    return !!(state.socket && state.socket.connected && state.ready && state.sessionId);
  }

  function markDelivered(item) {
    var i = state.outbox.indexOf(item);
    if (i >= 0) {
      state.outbox.splice(i, 1);
    }
    if (item.id) {
      var entry = findEntry(item.id);
      if (entry && entry.pending) {
        delete entry.pending;
        saveHistory();
      }
    }
  }

  // A bot message means the server has what was sent before it.
  function markInflightDelivered() {
    state.outbox.slice().forEach(function (item) {
      if (item.state === "inflight") {
        markDelivered(item);
      }
    });
  }

  function emitItem(item) {
    var sessionId = item.sessionId || state.sessionId;
    item.state = "inflight";
    try {
      state.socket.emit("user_uttered", { message: item.message, session_id: sessionId }, function () {
        markDelivered(item);
      });
    } catch (e) {
      item.state = "queued";
      return false;
    }
    if (!item.noTyping) {
      showTyping();
    }
    return true;
  }

  function flush() {
    if (canSend()) {
      var items = state.outbox.slice();
      for (var i = 0; i < items.length; i++) {
        if (items[i].state === "queued" && !emitItem(items[i])) {
          break;
        }
      }
    }
    refreshPendingNotes();
  }

  function enqueue(item) {
    item.state = "queued";
    state.outbox.push(item);
    flush();
  }

  // Shows `display` as the user's message and sends `payload` (the same text when typed;
  // a button's payload when a quick reply was clicked).
  function sendUser(display, payload) {
    display = str(display).slice(0, MAX_LENGTH);
    payload = str(payload).slice(0, MAX_LENGTH);
    if (!display.trim() || !payload.trim()) {
      return;
    }
    var entry = { id: newId(), from: "user", text: display, pending: true };
    if (payload !== display) {
      entry.send = payload;
    }
    pushHistory(entry);
    renderEntry(entry);
    updateLogFocusable();
    scrollToEnd();
    enqueue({ id: entry.id, message: payload, silent: false });
  }

  function sendSilent(message, sessionId) {
    enqueue({ message: message, sessionId: sessionId || null, silent: true, noTyping: message === FORGET_COMMAND });
  }

  // ---------------------------------------------------------------- receive
  function onBotUttered(data) {
    try {
      markInflightDelivered();
      if (state.ignoreBot || !ui.log) {
        return;
      }
      var bot = normalizeBot(data);
      if (!bot) {
        return;
      }
      bumpTyping();
      var now = Date.now();
      if (!bot.text && !bot.buttons.length) {
        // A message carrying only the topic (sent apart from its text): attach it.
        if (!bot.topic && !bot.section) {
          return;
        }
        var last = state.lastBot;
        if (last && now - last.at < META_MERGE_MS && !last.entry.topic && !last.entry.section &&
            findEntry(last.entry.id)) {
          last.entry.topic = bot.topic;
          last.entry.section = bot.section;
          saveHistory();
          replaceEntry(last.entry);
        } else {
          state.pendingMeta = { topic: bot.topic, section: bot.section, at: now };
        }
        return;
      }
      if (!bot.topic && !bot.section && state.pendingMeta && now - state.pendingMeta.at < META_MERGE_MS) {
        bot.topic = state.pendingMeta.topic;
        bot.section = state.pendingMeta.section;
      }
      state.pendingMeta = null;
      var entry = {
        id: newId(), from: "bot", text: bot.text, buttons: bot.buttons,
        topic: bot.topic, section: bot.section
      };
      var stick = nearBottom();
      pushHistory(entry);
      renderEntry(entry);
      updateLogFocusable();
      state.lastBot = { entry: entry, at: now };
      if (stick) {
        scrollToEnd();
      }
    } catch (e) {
      // A malformed message must never break the widget.
    }
  }

  function onSessionConfirm(data) {
    try {
      var id = typeof data === "string" ? data
        : isPlainObject(data) && typeof data.session_id === "string" ? data.session_id : "";
      if (!id) {
        return;
      }
      state.pendingRequests = Math.max(0, state.pendingRequests - 1);
      state.sessionId = id;
      storeSet(SESSION_KEY, id);
      if (state.pendingRequests > 0) {
        return; // a newer request is on its way (e.g. after "Start over")
      }
      state.ready = true;
      state.ignoreBot = false;
      if (state.greetPending) {
        state.greetPending = false;
        // First thing sent in the new session (after a deletion still owed to an old one).
        var at = 0;
        while (at < state.outbox.length && state.outbox[at].message === FORGET_COMMAND && state.outbox[at].silent) {
          at += 1;
        }
        state.outbox.splice(at, 0, { message: "/greet", silent: true, state: "queued" });
      }
      flush();
    } catch (e) { /* never throw */ }
  }

  function requestSession() {
    state.pendingRequests += 1;
    state.socket.emit("session_request", { session_id: state.sessionId || null });
  }

  function onConnect() {
    state.connected = true;
    state.ready = false;
    state.pendingRequests = 0;
    hideBanner();
    try {
      requestSession();
    } catch (e) { /* the next connect retries */ }
  }

  function onDisconnect(reason) {
    state.connected = false;
    state.ready = false;
    state.pendingRequests = 0;
    // What went out without an answer goes out again after reconnecting, in order.
    state.outbox.forEach(function (item) {
      if (item.state === "inflight") {
        item.state = "queued";
      }
    });
    hideTyping();
    showBanner();
    refreshPendingNotes();
    if (reason === "io server disconnect") {
      // socket.io does not reconnect by itself after a server-side disconnect.
      setTimeout(function () {
        if (state.socket && !state.socket.connected) {
          state.socket.connect();
        }
      }, 2000);
    }
  }

  function onConnectError() {
    state.connected = false;
    showBanner();
    if (state.socket && !state.socket.active) {
      setTimeout(function () {
        if (state.socket && !state.socket.connected) {
          state.socket.connect();
        }
      }, 5000);
    }
  }

  function startSocket() {
    if (typeof window.io !== "function") {
      retryLoadingSocketIo();
      return;
    }
    try {
      var socket = window.io(serverUrl, {
        path: socketPath, transports: ["websocket", "polling"], reconnection: true
      });
      state.socket = socket;
      socket.on("connect", onConnect);
      socket.on("disconnect", onDisconnect);
      socket.on("connect_error", onConnectError);
      socket.on("session_confirm", onSessionConfirm);
      socket.on("bot_uttered", onBotUttered);
      // The server refused a malformed event: no answer is coming, so stop "typing".
      socket.on("reconnect_error", onServerError);
    } catch (e) {
      showBanner();
    }
  }

  function retryLoadingSocketIo() {
    showBanner();
    var delay = Math.min(30000, 2000 * Math.pow(2, state.ioRetry));
    state.ioRetry += 1;
    setTimeout(function () {
      loadScript(assetBase + "socket.io.min.js", startSocket, retryLoadingSocketIo);
    }, delay);
  }

  // ------------------------------------------------------------ start over
  function startOver() {
    hideConfirm(false);
    var oldId = state.sessionId;
    state.outbox = []; // what was waiting belonged to the conversation being cleared
    if (oldId) {
      if (state.socket && state.socket.connected) {
        try {
          state.socket.emit("user_uttered", { message: FORGET_COMMAND, session_id: oldId });
        } catch (e) {
          sendSilent(FORGET_COMMAND, oldId);
        }
      } else {
        sendSilent(FORGET_COMMAND, oldId);
      }
    }
    state.history = [];
    storeRemove(HISTORY_KEY);
    storeRemove(SESSION_KEY);
    state.sessionId = null;
    state.ready = false;
    state.greetPending = true;
    state.ignoreBot = true;
    state.lastBot = null;
    state.pendingMeta = null;
    clear(ui.log);
    ui.rows = {};
    updateLogFocusable();
    hideTyping();
    if (state.socket && state.socket.connected) {
      try {
        requestSession();
      } catch (e) { /* the next connect retries */ }
    }
    ui.input.focus();
  }

  // ------------------------------------------------------ panels & confirm
  function crisisText() {
    var text = window.RECONNECT_CRISIS_TEXT;
    return typeof text === "string" && text.trim() ? text : FALLBACK_CRISIS_TEXT;
  }

  function fillHelp() {
    if (!ui.helpText) {
      return;
    }
    clear(ui.helpText);
    appendLinkified(ui.helpText, crisisText());
  }

  function openHelp() {
    fillHelp();
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

  // ------------------------------------------------------------------ input
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

  // -------------------------------------------------------------------- UI
  function buildUi(container) {
    var uid = "rc-" + Math.random().toString(36).slice(2, 8);
    var headingTag = document.querySelector("h1") ? "h2" : "h1";
    var panelHeadingTag = headingTag === "h1" ? "h2" : "h3";

    ui.rows = {};
    ui.helpBtn = el("button", {
      type: "button", className: "rc-btn rc-btn--primary", "data-testid": "help-now",
      "aria-expanded": "false", "aria-controls": uid + "-help", text: "Need help now?"
    });
    ui.startBtn = el("button", {
      type: "button", className: "rc-btn rc-btn--quiet", "data-testid": "start-over",
      "aria-expanded": "false", "aria-controls": uid + "-confirm", text: "Start over"
    });
    var header = el("header", { className: "rc-header" }, [
      el("div", { className: "rc-titles" }, [
        el(headingTag, { className: "rc-title", id: uid + "-title", text: "Reconnect" }),
        el("p", { className: "rc-subtitle", text: SUBTITLE })
      ]),
      el("div", { className: "rc-actions" }, [ui.helpBtn, ui.startBtn])
    ]);

    ui.banner = el("div", {
      className: "rc-banner", role: "status", "data-testid": "connection-banner", hidden: true
    });

    var helpClose = el("button", {
      type: "button", className: "rc-btn rc-btn--quiet rc-btn--small", "data-testid": "help-close",
      "aria-label": "Close help panel", text: "Close"
    });
    ui.helpText = el("p", { className: "rc-help__text" });
    ui.help = el("section", {
      className: "rc-panel rc-help", id: uid + "-help", "data-testid": "help-panel",
      "aria-labelledby": uid + "-help-title", tabindex: "-1", hidden: true
    }, [
      el("div", { className: "rc-panel__head" }, [
        el(panelHeadingTag, { className: "rc-panel__title", id: uid + "-help-title", text: "Help right now" }),
        helpClose
      ]),
      ui.helpText
    ]);

    var confirmYes = el("button", {
      type: "button", className: "rc-btn rc-btn--primary", "data-testid": "start-over-confirm",
      text: "Yes, start over"
    });
    var confirmNo = el("button", {
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
      el("div", { className: "rc-confirm__actions" }, [confirmYes, confirmNo])
    ]);

    ui.log = el("div", {
      className: "rc-log", role: "log", "aria-live": "polite", "aria-label": "Conversation with Reconnect",
      "data-testid": "messages"
    });

    ui.typing = el("div", {
      className: "rc-typing", role: "status", "aria-label": "Reconnect is typing", "data-testid": "typing",
      hidden: true
    }, [
      el("span", { className: "rc-dot", "aria-hidden": "true" }),
      el("span", { className: "rc-dot", "aria-hidden": "true" }),
      el("span", { className: "rc-dot", "aria-hidden": "true" }),
      el("span", { className: "rc-sr", text: "Reconnect is typing\u2026" })
    ]);

    ui.counter = el("p", { className: "rc-counter", id: uid + "-counter", hidden: true });
    ui.input = el("textarea", {
      className: "rc-input", id: uid + "-input", "data-testid": "input", rows: "1",
      maxlength: String(MAX_LENGTH), "aria-label": "Message to Reconnect",
      "aria-describedby": uid + "-counter", placeholder: "Type a message\u2026", autocomplete: "off"
    });
    ui.send = el("button", { type: "submit", className: "rc-btn rc-btn--send", "data-testid": "send", text: "Send" });
    var form = el("form", { className: "rc-composer", "aria-label": "Send a message", novalidate: true }, [
      el("div", { className: "rc-composer__row" }, [ui.input, ui.send]),
      ui.counter
    ]);

    ui.root = el("section", { className: "rc-widget", "aria-labelledby": uid + "-title" }, [
      header, ui.banner, ui.help, ui.confirm, ui.log, ui.typing, form
    ]);

    // Events
    ui.helpBtn.addEventListener("click", function () {
      if (ui.help.hidden) {
        openHelp();
      } else {
        closeHelp(true);
      }
    });
    helpClose.addEventListener("click", function () {
      closeHelp(true);
    });
    ui.startBtn.addEventListener("click", function () {
      if (ui.confirm.hidden) {
        showConfirm();
      } else {
        hideConfirm(true);
      }
    });
    confirmYes.addEventListener("click", startOver);
    confirmNo.addEventListener("click", function () {
      hideConfirm(true);
    });
    form.addEventListener("submit", function (event) {
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

    // Render the stored conversation before the log is in the page, so screen readers
    // do not read the whole history out as new.
    state.history.forEach(renderEntry);
    fillHelp();
    clear(container);
    container.appendChild(ui.root);
    updateLogFocusable();
    refreshPendingNotes();
    scrollToEnd(true);
  }

  // ----------------------------------------------------------------- assets
  function loadScript(src, onload, onerror) {
    var script = document.createElement("script");
    script.src = src;
    script.async = true;
    script.onload = function () {
      if (onload) {
        onload();
      }
    };
    script.onerror = function () {
      if (script.parentNode) {
        script.parentNode.removeChild(script);
      }
      if (onerror) {
        onerror();
      }
    };
    (document.head || document.documentElement).appendChild(script);
  }

  function ensureCss() {
    var links = document.querySelectorAll("link[rel~='stylesheet']");
    for (var i = 0; i < links.length; i++) {
      if (/reconnect-widget\.css(?:[?#]|$)/.test(links[i].getAttribute("href") || "")) {
        return;
      }
    }
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = assetBase + "reconnect-widget.css";
    (document.head || document.documentElement).appendChild(link);
  }

  function containerElement() {
    var container = document.getElementById("reconnect");
    if (!container) {
      container = el("div", { id: "reconnect", className: "rc-embedded" });
      document.body.appendChild(container);
    }
    return container;
  }

  // ------------------------------------------------------------------- start
  function start() {
    state.history = loadHistory();
    var stored = storeGet(SESSION_KEY);
    state.sessionId = stored && stored.length <= 256 ? stored : null;
    state.greetPending = state.history.length === 0;
    buildUi(containerElement());
    // Messages typed but not sent before the page was closed go out first.
    state.history.forEach(function (entry) {
      if (entry.from === "user" && entry.pending) {
        state.outbox.push({ id: entry.id, message: entry.send || entry.text, silent: false, state: "queued" });
      }
    });
    refreshPendingNotes();
    setTimeout(function () {
      if (!state.connected) {
        showBanner();
      }
    }, BANNER_DELAY_MS);
    connectWhenLoaded();
  }

  ensureCss();
  if (typeof window.RECONNECT_CRISIS_TEXT !== "string") {
    loadScript(assetBase + "crisis.js", fillHelp, null);
  }
  // socket.io starts loading now, in parallel with the page; connectWhenLoaded() waits for it.
  var ioScriptDone = typeof window.io === "function";
  var ioWaiting = [];
  if (!ioScriptDone) {
    var ioDone = function () {
      ioScriptDone = true;
      var waiting = ioWaiting;
      ioWaiting = [];
      waiting.forEach(function (callback) { callback(); });
    };
    loadScript(assetBase + "socket.io.min.js", ioDone, ioDone);
  }

  function connectWhenLoaded() {
    if (ioScriptDone) {
      startSocket();
    } else {
      ioWaiting.push(startSocket);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
