// What the host page may set in ReconnectConfig besides the server: the widget's title, the
// corner of the launcher, an accent colour and whether the panel opens at start. A value that
// cannot be used is refused with a console warning, and the default is used instead.

var DEFAULT_TITLE = "Reconnect";
var POSITIONS = ["bottom-right", "bottom-left"];
// WCAG 2.1 AA for text: the accent carries white text (buttons) and is the colour of text on
// the widget's light backgrounds (links, quiet buttons), the crisis message's included.
var MIN_CONTRAST = 4.5;
var ACCENT_TEXT_ON = "#ffffff";
var ACCENT_TEXT_BACKGROUNDS = ["#ffffff", "#fff7ec"];

function warnOption(name, value, why) {
  console.warn("Reconnect: ReconnectConfig." + name + " " + JSON.stringify(value) + " " + why);
}

// "#rgb" or "#rrggbb" -> [r, g, b] (0-255), or null.
function parseHexColour(value) {
  var m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(str(value).trim());
  if (!m) {
    return null;
  }
  var hex = m[1].length === 3 ? m[1].replace(/(.)/g, "$1$1") : m[1];
  return [0, 2, 4].map(function (i) { return parseInt(hex.slice(i, i + 2), 16); });
}

// WCAG 2.1 relative luminance and contrast ratio.
function luminance(rgb) {
  var c = rgb.map(function (v) {
    v /= 255;
    return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

function contrastRatio(a, b) {
  var la = luminance(a);
  var lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

// `rgb` mixed with `other` (0: rgb, 1: other), as "#rrggbb".
function mixColour(rgb, other, amount) {
  return "#" + rgb.map(function (v, i) {
    var mixed = Math.round(v + (other[i] - v) * amount);
    return (mixed < 16 ? "0" : "") + mixed.toString(16);
  }).join("");
}

// The custom properties widget.css reads for an accent colour that passes the check, or null.
function accentProperties(value) {
  if (value === undefined || value === null || value === "") {
    return null;
  }
  var rgb = parseHexColour(value);
  if (!rgb) {
    warnOption("accentColor", value, "is not a colour written #rgb or #rrggbb; using the default.");
    return null;
  }
  var against = [ACCENT_TEXT_ON].concat(ACCENT_TEXT_BACKGROUNDS);
  for (var i = 0; i < against.length; i++) {
    var ratio = contrastRatio(rgb, parseHexColour(against[i]));
    if (ratio < MIN_CONTRAST) {
      warnOption("accentColor", value, "has a contrast of " + ratio.toFixed(2) + ":1 with " +
        against[i] + ", below the " + MIN_CONTRAST + ":1 that WCAG AA asks for text; " +
        "using the default colour.");
      return null;
    }
  }
  var colour = mixColour(rgb, [0, 0, 0], 0);
  return {
    "--rc-custom-accent": colour,
    "--rc-custom-accent-hover": mixColour(rgb, [0, 0, 0], 0.18),
    "--rc-custom-on-accent": ACCENT_TEXT_ON,
    "--rc-custom-accent-soft": mixColour(rgb, [255, 255, 255], 0.88),
    "--rc-custom-link": colour
  };
}

function readOptions(given) {
  var title = DEFAULT_TITLE;
  if (given.title !== undefined) {
    var t = typeof given.title === "string" ? given.title.replace(/\s+/g, " ").trim() : "";
    if (t && t.length <= 60) {
      title = t;
    } else {
      warnOption("title", given.title, "is not a text of 1 to 60 characters; using \"" + DEFAULT_TITLE + "\".");
    }
  }
  var position = POSITIONS[0];
  if (given.position !== undefined) {
    if (POSITIONS.indexOf(given.position) >= 0) {
      position = given.position;
    } else {
      warnOption("position", given.position, "is not one of " + POSITIONS.join(", ") + "; using " + position + ".");
    }
  }
  if (given.open !== undefined && typeof given.open !== "boolean") {
    warnOption("open", given.open, "is not true or false; the panel starts closed.");
  }
  return {
    title: title,
    position: position,
    accent: accentProperties(given.accentColor),
    open: given.open === true
  };
}

var options = readOptions(config);

// Sets the accent colour's custom properties on `node`; they are inherited by the widget.
function applyAccent(node) {
  if (!options.accent) {
    return;
  }
  for (var name in options.accent) {
    if (Object.prototype.hasOwnProperty.call(options.accent, name)) {
      node.style.setProperty(name, options.accent[name]);
    }
  }
}
