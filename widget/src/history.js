// The conversation as kept in the browser (HISTORY_KEY): shown again after a reload, with
// the user messages that were typed but not yet sent (`pending`), which go out first.
// Entries: {id, from: "user", text, send?, pending?} or
//          {id, from: "bot", text, buttons, topic, section}.

var historyEntries = [];

// A stored entry, checked (storage may hold anything), or null.
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
  historyEntries = [];
  var raw = storeGet(HISTORY_KEY);
  if (!raw) {
    return;
  }
  var parsed;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    if (!(e instanceof SyntaxError)) {
      throw e;
    }
    // Not JSON: cut short, or written by something else. The conversation starts afresh
    // (and the next message overwrites it) rather than the widget not starting at all.
    console.warn("Reconnect: the stored conversation could not be read and is not shown.", e.message);
    return;
  }
  if (!Array.isArray(parsed)) {
    return;
  }
  for (var i = 0; i < parsed.length; i++) {
    var entry = cleanEntry(parsed[i]);
    if (entry) {
      historyEntries.push(entry);
    }
  }
  historyEntries = historyEntries.slice(-HISTORY_CAP);
}

function saveHistory() {
  if (!historyEntries.length) {
    storeRemove(HISTORY_KEY);
    return;
  }
  storeSet(HISTORY_KEY, JSON.stringify(historyEntries));
}

function findEntry(id) {
  for (var i = historyEntries.length - 1; i >= 0; i--) {
    if (historyEntries[i].id === id) {
      return historyEntries[i];
    }
  }
  return null;
}

// Adds an entry and stores the conversation; past HISTORY_CAP the oldest entries go, from
// the page too.
function pushHistory(entry) {
  historyEntries.push(entry);
  while (historyEntries.length > HISTORY_CAP) {
    removeRow(historyEntries.shift().id);
  }
  saveHistory();
}

// A user message the server now has: no longer sent again after a reload.
function markEntrySent(id) {
  var entry = findEntry(id);
  if (entry && entry.pending) {
    delete entry.pending;
    saveHistory();
  }
}

function pendingUserEntries() {
  return historyEntries.filter(function (entry) {
    return entry.from === "user" && entry.pending;
  });
}

// Forgets the conversation kept here and on the screen, except the messages still waiting to
// be sent, which belong to what comes next.
function clearTranscript() {
  historyEntries = pendingUserEntries();
  saveHistory();
  clearLog();
  historyEntries.forEach(renderEntry);
  updateLogFocusable();
  refreshPendingNotes();
}

// The server has no conversation for the history kept here: it starts anew, with a greeting.
function startAfresh() {
  clearTranscript();
  connection.greetPending = true;
}

function clearHistory() {
  historyEntries = [];
  storeRemove(HISTORY_KEY);
}
