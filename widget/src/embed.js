// The embedded mode, on a page without a #reconnect container (someone else's site): a
// launcher button in a corner opens the panel over the page, which stays usable. Everything is
// in a shadow root of one <reconnect-chat> element, with the styles written into this script
// (EMBED_CSS): nothing of the widget's styling reaches the page, nothing of the page's reaches
// the widget. Whether the panel is open is kept for the browsing session (sessionStorage), so
// it stays open across the host site's pages.

var OPEN_KEY = "reconnect.open";
var EMBED_CSS = __RECONNECT_EMBED_CSS__;
var SVG_NS = "http://www.w3.org/2000/svg";

var embed = {
  host: null,      // <reconnect-chat>, in the page
  launcher: null,
  frame: null,     // the panel around the widget
  open: false
};

function isEmbedded() {
  return !!embed.host;
}

// An icon of strokes (the paths' "d"), hidden from assistive technology.
function icon(paths) {
  var svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  paths.forEach(function (d) {
    var path = document.createElementNS(SVG_NS, "path");
    path.setAttribute("d", d);
    svg.appendChild(path);
  });
  return svg;
}

var CHAT_ICON = ["M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.9A8 8 0 1 1 21 12z"];
var CLOSE_ICON = ["M6 6l12 12", "M18 6L6 18"];

// The styles, in the shadow root: one constructed stylesheet where the browser has them (no
// request, and the page's CSP for <style> does not apply), a <style> element elsewhere.
function addEmbedStyles(shadow) {
  if (typeof CSSStyleSheet === "function" && "adoptedStyleSheets" in shadow) {
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(EMBED_CSS);
      shadow.adoptedStyleSheets = [sheet];
      return;
    } catch (e) {
      if (!(e instanceof TypeError)) {
        throw e;
      }
      // Constructable stylesheets not supported after all: the <style> element below.
    }
  }
  shadow.appendChild(el("style", { text: EMBED_CSS }));
}

function readOpenState() {
  try {
    var value = window.sessionStorage ? window.sessionStorage.getItem(OPEN_KEY) : null;
    return value === null ? options.open : value === "1";
  } catch (e) {
    storageFailed(e, "reading " + OPEN_KEY);
    return options.open;
  }
}

function saveOpenState(open) {
  try {
    if (window.sessionStorage) {
      window.sessionStorage.setItem(OPEN_KEY, open ? "1" : "0");
    }
  } catch (e) {
    storageFailed(e, "saving " + OPEN_KEY);
  }
}

function setLauncherIcon(open) {
  clear(embed.launcher);
  embed.launcher.appendChild(icon(open ? CLOSE_ICON : CHAT_ICON));
}

function openPanel() {
  embed.open = true;
  embed.frame.hidden = false;
  embed.launcher.setAttribute("aria-expanded", "true");
  setLauncherIcon(true);
  saveOpenState(true);
  startConnection();
  scrollToEnd(true);
  ui.input.focus({ preventScroll: true });
}

// Closes the panel; focus goes back to the launcher.
function closePanel() {
  embed.open = false;
  embed.frame.hidden = true;
  embed.launcher.setAttribute("aria-expanded", "false");
  setLauncherIcon(false);
  saveOpenState(false);
  embed.launcher.focus({ preventScroll: true });
}

// Builds the launcher and the panel (with the widget in it) in a shadow root at the end of
// the page.
function buildEmbedded() {
  var host = document.createElement("reconnect-chat");
  var shadow = host.attachShadow({ mode: "open" });
  addEmbedStyles(shadow);
  applyAccent(host);

  var uid = "rc-" + Math.random().toString(36).slice(2, 8);
  embed.host = host;
  embed.frame = el("div", { className: "rc-frame", id: uid + "-panel", hidden: true });
  embed.launcher = el("button", {
    type: "button", className: "rc-launcher", "data-testid": "launcher",
    "aria-label": "Chat with " + options.title, "aria-expanded": "false",
    "aria-controls": uid + "-panel", title: "Chat with " + options.title
  });
  setLauncherIcon(false);
  var root = el("aside", {
    className: "rc-embed" + (options.position === "bottom-left" ? " rc-embed--left" : ""),
    "aria-label": options.title + " chat"
  }, [embed.frame, embed.launcher]);
  shadow.appendChild(root);
  (document.body || document.documentElement).appendChild(host);
  // rem in the widget's styles means the page's root font size, which is the host's to set:
  // the script measures the browser's own default size (:host resets the font) instead.
  var medium = parseFloat(window.getComputedStyle(host).fontSize);
  host.style.setProperty("--rc-rem", (medium > 0 ? medium : 16) + "px");

  buildUi(embed.frame, { onClose: closePanel });

  embed.launcher.addEventListener("click", function () {
    if (embed.open) {
      closePanel();
    } else {
      openPanel();
    }
  });
  // Escape closes the panel, once the help panel and the Start over question are closed
  // (the widget's own Escape handling closes those first).
  root.addEventListener("keydown", function (event) {
    if ((event.key === "Escape" || event.key === "Esc") && embed.open &&
        ui.help.hidden && ui.confirm.hidden) {
      closePanel();
    }
  });
  if (readOpenState()) {
    embed.open = true;
    embed.frame.hidden = false;
    embed.launcher.setAttribute("aria-expanded", "true");
    setLauncherIcon(true);
  }
}
