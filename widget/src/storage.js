// Browser storage for the session id and the conversation. localStorage can be missing or
// refuse (blocked storage, sandboxed pages, private modes, a full quota): what would be stored
// is then kept in memory, so the widget works for this page view and only a reload forgets.

var memoryStore = {};
var storageRefusalReported = false;

// Called with what localStorage threw. The browser refusing storage is a DOMException
// (SecurityError, QuotaExceededError): expected, said once. Anything else is not, and is
// reported with what was being done; either way the caller goes on with memory, because
// storage wrappers (privacy extensions, embedding apps) throw in ways the widget cannot fix
// and the widget, its help panel included, must keep working.
function storageFailed(error, doing) {
  if (typeof DOMException === "function" && error instanceof DOMException) {
    if (!storageRefusalReported) {
      storageRefusalReported = true;
      console.warn("Reconnect: the browser refused storage (" + error.name + ") while " + doing +
        "; the conversation is kept for this page view only.");
    }
    return;
  }
  console.error("Reconnect: unexpected error while " + doing + "; keeping it in memory.", error);
}

function hasMemory(key) {
  return Object.prototype.hasOwnProperty.call(memoryStore, key);
}

function storeGet(key) {
  var value = null;
  try {
    // Reading window.localStorage itself throws where storage is blocked; some embedded
    // browsers have none at all.
    value = window.localStorage ? window.localStorage.getItem(key) : null;
  } catch (e) {
    storageFailed(e, "reading " + key);
  }
  return value === null && hasMemory(key) ? memoryStore[key] : value;
}

function storeSet(key, value) {
  memoryStore[key] = value;
  try {
    if (window.localStorage) {
      window.localStorage.setItem(key, value);
      delete memoryStore[key];
    }
  } catch (e) {
    storageFailed(e, "saving " + key);
  }
}

function storeRemove(key) {
  delete memoryStore[key];
  try {
    if (window.localStorage) {
      window.localStorage.removeItem(key);
    }
  } catch (e) {
    storageFailed(e, "removing " + key);
  }
}
