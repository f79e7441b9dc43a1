// The socket.io connection to Rasa: loading the client script, connecting and reconnecting,
// the session id (kept in the browser, SESSION_KEY, so a reload continues the conversation),
// and the events from the server.

var connection = {
  socket: null,
  connected: false,
  ready: false,           // connected and the current session confirmed
  requested: [],          // the ids asked for by session_request (null: a new one), oldest first
  joined: null,           // the conversation this socket is in (the last id confirmed)
  sessionId: null,        // the conversation messages go to; null until one is confirmed
  greetPending: false,    // send the greeting silently once the session is confirmed
  ioRetry: 0
};
var ioScriptDone = false;
var ioWaiting = [];

function restoreSessionId() {
  var stored = storeGet(SESSION_KEY);
  connection.sessionId = stored && stored.length <= 256 ? stored : null;
}

function canSend() {
  var socket = connection.socket;
  return !!(socket && socket.connected && connection.ready && connection.sessionId);
}

// One user_uttered event; onAck, when given, runs once the server has it. Only called while
// connected: socket.io would otherwise hold it in a buffer of its own, apart from the outbox.
function emitUserMessage(message, sessionId, onAck) {
  var event = { message: message, session_id: sessionId };
  if (onAck) {
    connection.socket.emit("user_uttered", event, onAck);
  } else {
    connection.socket.emit("user_uttered", event);
  }
}

// Asks to join the conversation of `id` (one the server issued), or for a new one (null).
function requestSession(id) {
  connection.ready = false;
  connection.requested.push(id || null);
  connection.socket.emit("session_request", { session_id: id || null });
}

// The conversation to join: the one being deleted first, else the current one.
function onConnect() {
  connection.connected = true;
  connection.ready = false;
  connection.requested = [];
  connection.joined = null;
  hideBanner();
  requestSession(deletion.id || connection.sessionId);
}

function onDisconnect(reason) {
  connection.connected = false;
  connection.ready = false;
  connection.requested = [];
  connection.joined = null;
  pauseDeletion();
  requeueInflight();
  hideTyping();
  showBanner();
  refreshPendingNotes();
  if (reason === "io server disconnect") {
    // socket.io does not reconnect by itself after a server-side disconnect.
    setTimeout(function () {
      if (connection.socket && !connection.socket.connected) {
        connection.socket.connect();
      }
    }, 2000);
  }
}

function onConnectError() {
  connection.connected = false;
  showBanner();
  if (connection.socket && !connection.socket.active) {
    setTimeout(function () {
      if (connection.socket && !connection.socket.connected) {
        connection.socket.connect();
      }
    }, 5000);
  }
}

// The event handlers check what the server sent (normalizeBot, the session id's type), so
// a malformed event is ignored; an exception in them is a bug and stays visible. socket.io
// calls handlers apart from its parser, so one cannot drop the connection.
function onSessionConfirm(data) {
  var id = typeof data === "string" ? data
    : isPlainObject(data) && typeof data.session_id === "string" ? data.session_id : "";
  if (!id || id.length > 256) {
    return;
  }
  var asked = connection.requested.length ? connection.requested.shift() : null;
  connection.joined = id;
  if (connection.requested.length > 0) {
    return; // a newer request is on its way
  }
  if (deletion.id) {
    if (id === deletion.id) {
      sendDeletion(); // in the old conversation: delete it before anything else
      return;
    }
    // The server did not let this socket into the old conversation: it did not issue that
    // id, so nobody can reach what may be stored under it. The new id is a fresh start.
    finishDeletion();
  } else if (asked && id !== asked) {
    // The stored id was not one this server issued: the history kept here belongs to no
    // conversation it has.
    startAfresh();
  }
  connection.sessionId = id;
  storeSet(SESSION_KEY, id);
  connection.ready = true;
  if (connection.greetPending) {
    connection.greetPending = false;
    queueGreeting();
  }
  flush();
}

function onBotUttered(data) {
  markInflightDelivered();
  var bot = normalizeBot(data);
  if (!bot || !ui.log) {
    return;
  }
  if (deletion.id) {
    // Only the confirmation that the old conversation is deleted matters now.
    if (connection.joined === deletion.id && bot.topic === PRIVACY_DELETED_TOPIC) {
      finishDeletion();
      requestSession(null);
    }
    return;
  }
  if (!connection.ready) {
    return; // owed to a conversation this socket is leaving (after Start over)
  }
  bumpTyping();
  // The server sends each message's text, buttons and topic in one event
  // (channels/socketio.py): one without text or buttons has nothing to show.
  if (!bot.text && !bot.buttons.length) {
    return;
  }
  if (bot.topic === PRIVACY_DELETED_TOPIC) {
    // "delete my conversation", typed or from a button: the server has forgotten it, so this
    // browser forgets it too, and only the confirmation stays.
    clearTranscript();
  }
  var entry = {
    id: newId(), from: "bot", text: bot.text, buttons: bot.buttons,
    topic: bot.topic, section: bot.section
  };
  var stick = nearBottom();
  pushHistory(entry);
  renderEntry(entry);
  updateLogFocusable();
  if (stick) {
    scrollToEnd();
  }
}

// The server refused a malformed event or could not handle a message (reconnect_error):
// no answer is coming, so stop "typing" and say so.
function onServerError(data) {
  hideTyping();
  if (deletion.id) {
    deletionFailed(); // the deletion's turn could not run: it is tried again
    return;
  }
  showNotHandled(isPlainObject(data) ? str(data.error).slice(0, 300) : "");
}

function startSocket() {
  if (typeof window.io !== "function") {
    retryLoadingSocketIo();
    return;
  }
  var socket = window.io(serverUrl, {
    path: socketPath, transports: ["websocket", "polling"], reconnection: true
  });
  connection.socket = socket;
  socket.on("connect", onConnect);
  socket.on("disconnect", onDisconnect);
  socket.on("connect_error", onConnectError);
  socket.on("session_confirm", onSessionConfirm);
  socket.on("bot_uttered", onBotUttered);
  socket.on("reconnect_error", onServerError);
}

function retryLoadingSocketIo() {
  showBanner();
  var delay = Math.min(30000, 2000 * Math.pow(2, connection.ioRetry));
  connection.ioRetry += 1;
  setTimeout(function () {
    loadScript(assetBase + "socket.io.min.js", startSocket, retryLoadingSocketIo);
  }, delay);
}

// socket.io starts loading as soon as the widget does, in parallel with the page;
// connectWhenLoaded() waits for it.
function loadSocketIoClient() {
  ioScriptDone = typeof window.io === "function";
  if (ioScriptDone) {
    return;
  }
  var done = function () {
    ioScriptDone = true;
    var waiting = ioWaiting;
    ioWaiting = [];
    waiting.forEach(function (callback) { callback(); });
  };
  loadScript(assetBase + "socket.io.min.js", done, done);
}

function connectWhenLoaded() {
  if (ioScriptDone) {
    startSocket();
  } else {
    ioWaiting.push(startSocket);
  }
}

// "Start over", on the connection's side: the old conversation is deleted on the server
// (deletion.js) before a new one is asked for; nothing of it is shown meanwhile.
function forgetConversation() {
  dropOutbox();
  connection.greetPending = true;
  var oldId = deletion.id || connection.sessionId;
  connection.sessionId = null;
  connection.ready = false;
  if (oldId) {
    beginDeletion(oldId);
  } else {
    storeRemove(SESSION_KEY);
    if (connection.socket && connection.socket.connected) {
      requestSession(null); // otherwise onConnect asks for it
    }
  }
}
