// "Start over" deletes the old conversation on the server before a new one starts. Until the
// server confirms it (a bot message with the topic privacy.deleted), the old id is kept
// (DELETE_KEY, so a reload or a closed tab does not lose it) and the deletion is sent again:
// after a failure, after reconnecting, on the next page view. Meanwhile the person sees that
// it is in progress, and what they type waits for the new conversation.

var deletion = {
  id: null,        // the conversation being deleted
  failures: 0,     // failed tries in a row, for the delay before the next
  timer: null
};

function restoreDeletion() {
  var stored = storeGet(DELETE_KEY);
  deletion.id = stored && stored.length <= 256 ? stored : null;
  if (deletion.id) {
    if (connection.sessionId === deletion.id) {
      connection.sessionId = null;
    }
    connection.greetPending = true;
  }
}

// Starts deleting `oldId`: kept first, and only then is the current id let go.
function beginDeletion(oldId) {
  deletion.id = oldId;
  deletion.failures = 0;
  storeSet(DELETE_KEY, oldId);
  storeRemove(SESSION_KEY);
  showDeletionStatus();
  if (!connection.socket || !connection.socket.connected) {
    return; // onConnect joins the old conversation first
  }
  if (connection.joined === oldId && connection.requested.length === 0) {
    sendDeletion();
  } else {
    requestSession(oldId);
  }
}

// Sends the deletion, in the old conversation this socket has joined; sends it again when no
// confirmation came in time.
function sendDeletion() {
  clearTimeout(deletion.timer);
  var socket = connection.socket;
  if (!deletion.id || !socket || !socket.connected || connection.joined !== deletion.id) {
    return;
  }
  emitUserMessage(FORGET_COMMAND, deletion.id);
  deletion.timer = setTimeout(sendDeletion, DELETION_RETRY_MS);
}

// The server could not run the deletion's turn (reconnect_error): again, a little later each
// time.
function deletionFailed() {
  clearTimeout(deletion.timer);
  deletion.failures += 1;
  deletion.timer = setTimeout(sendDeletion, Math.min(DELETION_RETRY_MS, 1000 * Math.pow(2, deletion.failures)));
}

// Disconnected: onConnect joins the old conversation again and sends the deletion.
function pauseDeletion() {
  clearTimeout(deletion.timer);
}

// The server confirmed the deletion (or has nothing it would let anyone reach by that id).
function finishDeletion() {
  clearTimeout(deletion.timer);
  deletion.id = null;
  deletion.failures = 0;
  storeRemove(DELETE_KEY);
  hideDeletionStatus();
}
