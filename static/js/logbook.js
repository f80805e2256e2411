/* Logbook, offline first. While the apprentice types, the entry is kept on the phone as a draft.
   Saving without a connection puts the whole entry, photos included, in an outbox (IndexedDB)
   that is sent as soon as the phone is online again. Every entry carries a key made here, so
   an entry sent twice is saved once. Without this script the form posts as usual. */
(function () {
  "use strict";
  var form = document.getElementById("logbook-form");
  var status = document.getElementById("logbook-status");
  var outboxList = document.getElementById("logbook-outbox");
  var text = status ? status.dataset : (outboxList ? outboxList.dataset : {});
  var DB = "akademi-magang", STORE = "outbox";

  function say(message, isProblem, state) {
    if (!status) return;
    status.hidden = false;
    status.dataset.state = state || "";
    status.textContent = message;
    status.classList.toggle("quiz-status-problem", !!isProblem);
  }
  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return "xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx".replace(/x/g, function () { return (Math.random() * 16 | 0).toString(16); });
  }
  function openDb() {
    return new Promise(function (resolve, reject) {
      if (!window.indexedDB) { reject(new Error("no IndexedDB")); return; }
      var request = indexedDB.open(DB, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE, { keyPath: "key" }); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }
  function withStore(mode, work) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var result = work(tx.objectStore(STORE));
        tx.oncomplete = function () { resolve(result && result.result !== undefined ? result.result : result); };
        tx.onerror = function () { reject(tx.error); };
      });
    });
  }
  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  /* The draft: text fields only, restored when the form is opened again. */
  var draftKey = form ? "akademi-catatan-" + form.dataset.placement + "-" + (form.elements.client_key.value || "baru") : null;
  function saveDraft() {
    var draft = {};
    ["worked_on", "hours", "activity_type", "narrative"].forEach(function (name) { draft[name] = form.elements[name].value; });
    draft.roles = Array.prototype.filter.call(form.querySelectorAll("input[name=roles]"), function (box) { return box.checked; })
      .map(function (box) { return box.value; });
    try { localStorage.setItem(draftKey, JSON.stringify(draft)); } catch (e) { /* storage full or private mode */ }
  }
  function restoreDraft() {
    var draft;
    try { draft = JSON.parse(localStorage.getItem(draftKey)); } catch (e) { draft = null; }
    if (!draft || form.querySelector(".field-error")) return;
    ["worked_on", "hours", "activity_type", "narrative"].forEach(function (name) {
      if (draft[name]) form.elements[name].value = draft[name];
    });
    form.querySelectorAll("input[name=roles]").forEach(function (box) { box.checked = draft.roles.indexOf(box.value) !== -1; });
    say(text.textDraft, false);
  }
  function clearDraft() { try { localStorage.removeItem(draftKey); } catch (e) { /* nothing kept */ } }

  /* The outbox: whole entries waiting for a connection. */
  function queue(entry) { return withStore("readwrite", function (store) { store.put(entry); }); }
  function queued() { return withStore("readonly", function (store) { return store.getAll(); }); }
  function unqueue(key) { return withStore("readwrite", function (store) { store.delete(key); }); }

  function send(entry) {
    var body = new FormData();
    Object.keys(entry.fields).forEach(function (name) {
      [].concat(entry.fields[name]).forEach(function (value) { body.append(name, value); });
    });
    entry.photos.forEach(function (file) { body.append("photos", file, file.name); });
    return fetch(entry.url, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), "Accept": "application/json" }
    }).then(function (reply) {
      return reply.json().catch(function () { return {}; }).then(function (data) { return { code: reply.status, data: data }; });
    });
  }
  var flushing = false;
  function flush() {
    if (flushing || !navigator.onLine) return;
    flushing = true;
    queued().then(function (entries) {
      var chain = Promise.resolve();
      entries.forEach(function (entry) {
        chain = chain.then(function () {
          say(text.textSending, false, "sending");
          return send(entry).then(function (result) {
            if (result.code === 200) {
              say(text.textSent + " " + (result.data.photo_errors || []).join(" "), !!(result.data.photo_errors || []).length, "sent");
              return unqueue(entry.key);
            }
            if (result.code >= 400 && result.code < 500) {
              /* Refused (e.g. a date outside the placement): keep the words as a draft to correct. */
              try { localStorage.setItem("akademi-catatan-" + entry.placement + "-baru", JSON.stringify(entry.fields)); } catch (e) { /* ignore */ }
              say(Object.values(result.data.errors || {}).map(function (list) { return list.map(function (e) { return e.message; }).join(" "); }).join(" ") || text.textFailed, true, "refused");
              return unqueue(entry.key);
            }
            say(text.textFailed, true);
          });
        });
      });
      return chain.then(showOutbox);
    }).catch(function () { say(text.textFailed, true); }).then(function () { flushing = false; });
  }
  function showOutbox() {
    if (!outboxList) return Promise.resolve();
    return queued().then(function (entries) {
      outboxList.hidden = !entries.length;
      outboxList.textContent = entries.map(function (entry) { return entry.fields.worked_on + ": " + text.textQueued; }).join("\n");
    }).catch(function () { /* no IndexedDB: nothing queued */ });
  }

  if (form) {
    if (!form.elements.client_key.value) form.elements.client_key.value = newKey();
    restoreDraft();
    form.addEventListener("input", saveDraft);
    form.addEventListener("change", saveDraft);
    form.addEventListener("submit", function (event) {
      if (navigator.onLine) { clearDraft(); return; }
      event.preventDefault();
      var fields = {};
      ["client_key", "worked_on", "hours", "activity_type", "narrative"].forEach(function (name) { fields[name] = form.elements[name].value; });
      fields.roles = Array.prototype.filter.call(form.querySelectorAll("input[name=roles]"), function (box) { return box.checked; })
        .map(function (box) { return box.value; });
      var photos = Array.prototype.slice.call(form.elements.photos.files || []);
      queue({ key: fields.client_key, placement: form.dataset.placement, url: form.action || window.location.href, fields: fields, photos: photos })
        .then(function () {
          clearDraft();
          say(text.textOffline, true, "queued");
          form.reset();
          form.elements.client_key.value = newKey();
        })
        .catch(function () { say(text.textFailed, true); });
    });
  }
  window.addEventListener("online", flush);
  window.addEventListener("offline", function () { say(text.textOffline, true); });
  showOutbox();
  flush();
})();
