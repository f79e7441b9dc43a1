// A bot message as the server sends it (bot_uttered), checked into one shape:
// {text, buttons, topic, section}. Whatever arrives, nothing here throws.

function cleanButtons(raw) {
  var buttons = [];
  if (!Array.isArray(raw)) {
    return buttons;
  }
  for (var i = 0; i < raw.length && buttons.length < MAX_BUTTONS; i++) {
    var b = raw[i];
    if (!isPlainObject(b)) {
      continue;
    }
    var title = str(b.title).trim();
    var payload = str(b.payload);
    if (!title && !payload.trim()) {
      continue;
    }
    buttons.push({ title: (title || payload).slice(0, 500), payload: (payload || title).slice(0, MAX_LENGTH) });
  }
  return buttons;
}

// The topic contract allows the topic at the top level, in `custom` or in `metadata`.
function metaOf(data) {
  var custom = isPlainObject(data.custom) ? data.custom : {};
  var metadata = isPlainObject(data.metadata) ? data.metadata : {};
  return {
    topic: (str(custom.topic) || str(data.topic) || str(metadata.topic)).slice(0, 200),
    section: (str(custom.section) || str(metadata.section)).slice(0, 300)
  };
}

// One bot_uttered payload -> {text, buttons, topic, section}, or null when it is not an
// object at all.
function normalizeBot(data) {
  if (!isPlainObject(data)) {
    return null;
  }
  var meta = metaOf(data);
  var buttons = cleanButtons(Array.isArray(data.quick_replies) ? data.quick_replies : data.buttons);
  var text = str(data.text).slice(0, MAX_BOT_TEXT);
  return { text: text, buttons: buttons, topic: meta.topic, section: meta.section };
}
