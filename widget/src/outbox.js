// Messages on their way to the server, in order. Each waits ("queued") until the session is
// ready, goes out ("inflight"), and leaves the outbox when the server acknowledges it or a bot
// message shows that it arrived. After a disconnect, what was in flight goes out again.

var outbox = []; // {id?, message, sessionId?, silent, noTyping, state: "queued" | "inflight"}

function outboxItem(id) {
  for (var i = 0; i < outbox.length; i++) {
    if (outbox[i].id === id) {
      return outbox[i];
    }
  }
  return null;
}

// Whether the user message with this id still waits for the connection.
function isQueued(id) {
  var item = outboxItem(id);
  return !!item && item.state === "queued";
}

function markDelivered(item) {
  var i = outbox.indexOf(item);
  if (i >= 0) {
    outbox.splice(i, 1);
  }
  if (item.id) {
    markEntrySent(item.id);
  }
}

// A bot message means the server has what was sent before it.
function markInflightDelivered() {
  outbox.slice().forEach(function (item) {
    if (item.state === "inflight") {
      markDelivered(item);
    }
  });
}

// What went out without an answer goes out again after reconnecting, in order.
function requeueInflight() {
  outbox.forEach(function (item) {
    if (item.state === "inflight") {
      item.state = "queued";
    }
  });
}

function emitItem(item) {
  item.state = "inflight";
  emitUserMessage(item.message, item.sessionId || connection.sessionId, function () {
    markDelivered(item);
  });
  if (!item.noTyping) {
    showTyping();
  }
}

function flush() {
  if (canSend()) {
    outbox.slice().forEach(function (item) {
      if (item.state === "queued") {
        emitItem(item);
      }
    });
  }
  refreshPendingNotes();
}

function enqueue(item) {
  item.state = "queued";
  outbox.push(item);
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

// Messages typed but not sent before the page was closed go out first.
function queueRestoredMessages() {
  pendingUserEntries().forEach(function (entry) {
    outbox.push({ id: entry.id, message: entry.send || entry.text, silent: false, state: "queued" });
  });
}

// The greeting is the first thing sent in a new session, before anything typed meanwhile.
function queueGreeting() {
  outbox.unshift({ message: GREET_COMMAND, silent: true, state: "queued" });
}

// What was waiting belonged to a conversation being cleared.
function dropOutbox() {
  outbox = [];
}
