// Entry point, run last, once every module above has set up its names: starts the widget
// once per page, however many times the script is included.

var connectionStarted = false;

// Loads the socket.io client if the page has none, and connects; once.
function startConnection() {
  if (connectionStarted) {
    return;
  }
  connectionStarted = true;
  loadSocketIoClient();
  setTimeout(function () {
    if (!connection.connected) {
      showBanner();
    }
  }, BANNER_DELAY_MS);
  connectWhenLoaded();
}

// A page with a #reconnect container (the full page at /webhooks/widget/) gets the widget in
// it; any other page the launcher (embed.js).
function start() {
  loadHistory();
  restoreSessionId();
  connection.greetPending = historyEntries.length === 0;
  restoreDeletion();
  var container = document.getElementById("reconnect");
  if (container) {
    ensureCss();
    buildUi(container);
  } else {
    buildEmbedded();
  }
  if (deletion.id) {
    showDeletionStatus();
  }
  queueRestoredMessages();
  refreshPendingNotes();
  // On someone else's page, a visitor who never opens the chat starts no conversation; one
  // who has a conversation (or a deletion to finish) is connected at once.
  if (!isEmbedded() || embed.open || connection.sessionId || historyEntries.length || deletion.id) {
    startConnection();
  }
}

// A page that includes the script twice: only the first copy starts.
if (!window.ReconnectWidget) {
  window.ReconnectWidget = { version: VERSION };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}
