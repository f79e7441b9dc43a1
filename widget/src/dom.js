// Building elements, and adding scripts and stylesheets to the page, with DOM APIs only:
// text always goes in as text, never parsed as HTML.

// el("p", {className: "x", text: "hi", "aria-label": "y"}, [children]). Attributes that are
// null, undefined or false are left out; true gives an empty attribute.
function el(tag, attrs, children) {
  var node = document.createElement(tag);
  if (attrs) {
    for (var key in attrs) {
      if (!Object.prototype.hasOwnProperty.call(attrs, key)) {
        continue;
      }
      var value = attrs[key];
      if (value === null || value === undefined || value === false) {
        continue;
      }
      if (key === "text") {
        node.textContent = value;
      } else if (key === "className") {
        node.className = value;
      } else {
        node.setAttribute(key, value === true ? "" : String(value));
      }
    }
  }
  if (children) {
    for (var i = 0; i < children.length; i++) {
      if (children[i]) {
        node.appendChild(children[i]);
      }
    }
  }
  return node;
}

function clear(node) {
  while (node.firstChild) {
    node.removeChild(node.firstChild);
  }
}

function loadScript(src, onload, onerror) {
  var script = document.createElement("script");
  script.src = src;
  script.async = true;
  script.onload = function () {
    if (onload) {
      onload();
    }
  };
  script.onerror = function () {
    if (script.parentNode) {
      script.parentNode.removeChild(script);
    }
    if (onerror) {
      onerror();
    }
  };
  (document.head || document.documentElement).appendChild(script);
}

// The full-page mode's stylesheet, from the widget's folder, unless the page links it already.
// (The embedded mode has its styles in its shadow root: embed.js.)
function ensureCss() {
  var links = document.querySelectorAll("link[rel~='stylesheet']");
  for (var i = 0; i < links.length; i++) {
    if (/reconnect-widget\.css(?:[?#]|$)/.test(links[i].getAttribute("href") || "")) {
      return;
    }
  }
  var link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = assetBase + "reconnect-widget.css";
  (document.head || document.documentElement).appendChild(link);
}
