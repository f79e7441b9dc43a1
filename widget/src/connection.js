// The socket.io connection to Rasa: loading the client script, connecting and reconnecting,
// the session id (kept in the browser, SESSION_KEY, so a reload continues the conversation),
// and the events from the server.

var connection = {
  socket: null,
  connected: false,
  ready: false,           // connected and the current session confirmed
  pendingRequests: 0,     // session_request sent, session_confirm not yet received
  sessionId: null,
  greetPending: false,    // send the greeting silently once the session is confirmed
  ignoreBot: false,       // after "Start over", until the new session is confirmed
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

function requestSession() {
  connection.pendingRequests += 1;
  connection.socket.emit("session_request", { session_id: connection.sessionId || null });
}

function onConnect() {
  connection.connected = true;
  connection.ready = false;
  connection.pendingRequests = 0;
  hideBanner();
  requestSession();
}

function onDisconnect(reason) {
  connection.connected = false;
  connection.ready = false;
  connection.pendingRequests = 0;
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
  if (!id) {
    return;
  }
  connection.pendingRequests = Math.max(0, connection.pendingRequests - 1);
  connection.sessionId = id;
  storeSet(SESSION_KEY, id);
  if (connection.pendingRequests > 0) {
    return; // a newer request is on its way (e.g. after "Start over")
  }
  connection.ready = true;
  connection.ignoreBot = false;
  if (connection.greetPending) {
    connection.greetPending = false;
    queueGreeting();
  }
  flush();
}

function onBotUttered(data) {
  markInflightDelivered();
  if (connection.ignoreBot || !ui.log) {
    return;
  }
  var bot = normalizeBot(data);
  if (!bot) {
    return;
  }
  bumpTyping();
  // The server sends each message's text, buttons and topic in one event
  // (channels/socketio.py): one without text or buttons has nothing to show.
  if (!bot.text && !bot.buttons.length) {
    return;
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
// and a new session is asked for; replies still owed to the old one are not shown.
function forgetConversation() {
  var oldId = connection.sessionId;
  dropOutbox();
  if (oldId) {
    // Straight out when connected: the outbox waits for a confirmed session, and the old
    // one is being left.
    if (connection.socket && connection.socket.connected) {
      emitUserMessage(FORGET_COMMAND, oldId);
    } else {
      sendSilent(FORGET_COMMAND, oldId);
    }
  }
  storeRemove(SESSION_KEY);
  connection.sessionId = null;
  connection.ready = false;
  connection.greetPending = true;
  connection.ignoreBot = true;
  if (connection.socket && connection.socket.connected) {
    requestSession(); // otherwise onConnect asks for it
  }
}
