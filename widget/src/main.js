// Entry point, run last, once every module above has set up its names: starts the widget
// once per page, however many times the script is included.

function start() {
  loadHistory();
  restoreSessionId();
  connection.greetPending = historyEntries.length === 0;
  restoreDeletion();
  buildUi(containerElement());
  if (deletion.id) {
    showDeletionStatus();
  }
  queueRestoredMessages();
  refreshPendingNotes();
  setTimeout(function () {
    if (!connection.connected) {
      showBanner();
    }
  }, BANNER_DELAY_MS);
  connectWhenLoaded();
}

// A page that includes the script twice: only the first copy starts.
if (!window.ReconnectWidget) {
  window.ReconnectWidget = { version: VERSION };
  ensureCss();
  loadSocketIoClient();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}
