// Small helpers for values of unknown shape (from the server or from storage) and ids.

var idCounter = 0;

function newId() {
  idCounter += 1;
  return Date.now().toString(36) + "-" + idCounter.toString(36) +
    "-" + Math.random().toString(36).slice(2, 6);
}

function str(value) {
  return typeof value === "string" ? value : "";
}

function isPlainObject(value) {
  return !!value && typeof value === "object" && !Array.isArray(value);
}
