/*
 * Reconnect chat widget: plain JavaScript, no framework, no third-party requests.
 *
 * Talks to Rasa's socket.io channel (events session_request / session_confirm /
 * user_uttered / bot_uttered). Every piece of message text goes into the page through
 * textContent or text nodes; the only links ever built are the crisis phone numbers and
 * findahelpline.com, made with DOM APIs.
 *
 * Embedding on another site (the server started with CORS_ORIGIN set to that site):
 *   <script>window.ReconnectConfig = {serverUrl: "https://example.org", title: "Reconnect",
 *     position: "bottom-right", accentColor: "#2c6763", open: false};</script>
 *   <script src="https://example.org/webhooks/widget/reconnect-widget.js"></script>
 * gives a launcher button in a corner that opens the chat panel (embed.js; the options are
 * read in options.js). socket.io.min.js is loaded from the folder this script came from when
 * the page has none. A page with a <div id="reconnect"> gets the widget in that element
 * instead, with reconnect-widget.css, as the full page at /webhooks/widget/ does.
 *
 * The source is the modules in widget/src; scripts/build_widget.py joins them, in the order
 * it lists, inside one function, so they share one scope. This first module holds the
 * settings: limits, fixed texts, and what the embedding page configured.
 */

var VERSION = "1.0.0";
var SESSION_KEY = "reconnect.session_id";
// Sent for the old conversation on "Start over": the server deletes what it stored, and
// confirms with a message of this topic.
var FORGET_COMMAND = "/delete_conversation";
var PRIVACY_DELETED_TOPIC = "privacy.deleted";
// The id of a conversation being deleted, kept until the server confirms (deletion.js).
var DELETE_KEY = "reconnect.deleting";
// How long to wait for that confirmation before asking again.
var DELETION_RETRY_MS = 20000;
var DELETING_TEXT = "Deleting your previous conversation\u2026 It is finished as soon as Reconnect confirms it.";
var GREET_COMMAND = "/greet";
var HISTORY_KEY = "reconnect.history";
var HISTORY_CAP = 200;
var MAX_LENGTH = 5000;
var COUNTER_FROM = 4500;
var MAX_BOT_TEXT = 20000;
var MAX_BUTTONS = 20;
var TYPING_IDLE_MS = 700;
var TYPING_MAX_MS = 15000;
var BANNER_DELAY_MS = 3000;
var BANNER_TEXT = "Connection lost \u2014 reconnecting\u2026";
var NOT_HANDLED_TEXT = "Your last message could not be handled. Please send it again in a moment.";
var NOTICE_MS = 10000;
var SENDING_TEXT = "sending\u2026";
var SUBTITLE = "An automated assistant \u2014 not a therapist, not for emergencies";
// What "Need help now?" shows: the bot's own crisis message (utter_crisis in domain.yml),
// written in here by scripts/build_widget.py. Being part of this script, it needs no
// request, so it is there with the server down or a file missing.
var CRISIS_TEXT = __RECONNECT_CRISIS_TEXT__;

var config = window.ReconnectConfig && typeof window.ReconnectConfig === "object"
  ? window.ReconnectConfig : {};
var serverUrl = typeof config.serverUrl === "string" && config.serverUrl
  ? config.serverUrl.replace(/\/+$/, "") : window.location.origin;
var socketPath = typeof config.socketPath === "string" && config.socketPath
  ? config.socketPath : "/socket.io";

// The folder this script was loaded from (for socket.io.min.js and the CSS).
// document.currentScript is only set while the script first runs, so this is read now.
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
