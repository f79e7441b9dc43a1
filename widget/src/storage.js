// Browser storage for the session id and the conversation. localStorage can be missing or
// throw (private modes, blocked storage, full quota): fall back to memory so the widget
// keeps working for this page view.

var memoryStore = {};

function storeGet(key) {
  try {
    var value = window.localStorage.getItem(key);
    return value === null && Object.prototype.hasOwnProperty.call(memoryStore, key)
      ? memoryStore[key] : value;
  } catch (e) {
    return Object.prototype.hasOwnProperty.call(memoryStore, key) ? memoryStore[key] : null;
  }
}

function storeSet(key, value) {
  memoryStore[key] = value;
  try {
    window.localStorage.setItem(key, value);
    delete memoryStore[key];
  } catch (e) { /* kept in memory */ }
}

function storeRemove(key) {
  delete memoryStore[key];
  try {
    window.localStorage.removeItem(key);
  } catch (e) { /* nothing to do */ }
}
