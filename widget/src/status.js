// The "Reconnect is typing" indicator and the status banner (connection lost; a message the
// server could not handle).

var typingIdleTimer = null;
var typingMaxTimer = null;
var noticeTimer = null;

// Shown when a message goes out; hidden shortly after the replies stop coming, or after
// TYPING_MAX_MS whatever happens.
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

function showBanner() {
  if (ui.banner && (ui.banner.hidden || ui.banner.textContent !== BANNER_TEXT)) {
    ui.banner.hidden = false;
    ui.banner.textContent = BANNER_TEXT;
  }
}

function hideBanner() {
  if (ui.banner && !ui.banner.hidden) {
    ui.banner.hidden = true;
    ui.banner.textContent = "";
  }
}

// "Start over" is deleting the old conversation (deletion.js). The text is written when the
// status is shown, so screen readers announce it.
function showDeletionStatus() {
  if (ui.deleting && ui.deleting.hidden) {
    ui.deleting.hidden = false;
    ui.deleting.textContent = DELETING_TEXT;
  }
}

function hideDeletionStatus() {
  if (ui.deleting) {
    ui.deleting.hidden = true;
    ui.deleting.textContent = "";
  }
}

// The server refused or could not handle a message: say so, briefly, in the same status
// banner, so a message never silently goes unanswered.
function showNotHandled(reason) {
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
