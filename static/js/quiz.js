/* Quiz attempt: save each answer as it is given, keep unsent answers on the phone while offline,
   and say plainly whether everything is saved. The page works without this script: its buttons
   post the whole form. */
(function () {
  "use strict";
  var form = document.getElementById("quiz-form");
  var status = document.getElementById("quiz-status");
  if (!form || !status) return;
  var text = status.dataset;
  var stateLine = document.getElementById("quiz-save-state");
  var storageKey = "akademi-kuis-" + text.attempt;
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var sending = false;
  var retryTimer = null;
  var typingTimers = {};

  function loadQueue() {
    try { return JSON.parse(localStorage.getItem(storageKey)) || {}; } catch (e) { return {}; }
  }
  function storeQueue(queue) {
    try { localStorage.setItem(storageKey, JSON.stringify(queue)); } catch (e) { /* private mode: memory only */ }
  }
  var queue = loadQueue();

  function fieldset(questionId) {
    return form.querySelector('fieldset[data-question="' + questionId + '"]');
  }
  function setFlag(questionId, state) {
    var box = fieldset(questionId);
    if (!box) return;
    var flag = box.querySelector(".save-flag");
    flag.dataset.state = state;
    flag.textContent = state === "saved" ? text.textSaved : state === "saving" ? text.textSaving : text.textUnsaved;
  }
  function say(message, isProblem) {
    stateLine.textContent = message;
    status.classList.toggle("quiz-status-problem", !!isProblem);
  }

  function responseOf(box) {
    var kind = box.dataset.kind;
    var inputs = box.querySelectorAll("[name^='q-']");
    if (kind === "short" || kind === "essay") return inputs[0].value;
    var picked = [];
    inputs.forEach(function (input) { if (input.checked) picked.push(parseInt(input.value, 10)); });
    if (kind === "likert") return picked.length ? picked[0] : null;
    return picked;
  }
  function restore(box, response) {
    var kind = box.dataset.kind;
    var inputs = box.querySelectorAll("[name^='q-']");
    if (kind === "short" || kind === "essay") { inputs[0].value = response || ""; return; }
    var wanted = Array.isArray(response) ? response : [response];
    inputs.forEach(function (input) { input.checked = wanted.indexOf(parseInt(input.value, 10)) !== -1; });
  }

  function remember(box) {
    var id = box.dataset.question;
    queue[id] = { response: responseOf(box), seq: Date.now() };
    storeQueue(queue);
    setFlag(id, "unsaved");
  }

  function flush() {
    var ids = Object.keys(queue);
    if (!ids.length) { say(text.textAllSaved, false); return; }
    if (!navigator.onLine) { say(text.textOffline, true); return; }
    if (sending) return;
    sending = true;
    var sent = {};
    var answers = ids.map(function (id) {
      sent[id] = queue[id].seq;
      setFlag(id, "saving");
      return { question: parseInt(id, 10), response: queue[id].response, seq: queue[id].seq };
    });
    fetch(text.autosaveUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify({ answers: answers })
    }).then(function (reply) {
      return reply.json().catch(function () { return {}; }).then(function (body) { return { ok: reply.ok, code: reply.status, body: body }; });
    }).then(function (result) {
      sending = false;
      if (result.ok) {
        (result.body.saved || []).forEach(function (id) {
          if (queue[id] && queue[id].seq === sent[id]) { delete queue[id]; setFlag(id, "saved"); }
        });
        storeQueue(queue);
        if (Object.keys(queue).length) { flush(); } else { say(text.textAllSaved, false); }
      } else if (result.code === 409) {
        localStorage.removeItem(storageKey);
        say(result.body.error || text.textClosed, true);
        if (result.body.review_url) window.location.assign(result.body.review_url);
      } else {
        Object.keys(sent).forEach(function (id) { setFlag(id, "unsaved"); });
        say(result.body.error || text.textFailed, true);
        if (result.code === 400) { Object.keys(sent).forEach(function (id) { delete queue[id]; }); storeQueue(queue); }
        else { retryLater(); }
      }
    }).catch(function () {
      sending = false;
      Object.keys(sent).forEach(function (id) { setFlag(id, "unsaved"); });
      say(navigator.onLine ? text.textFailed : text.textOffline, true);
      retryLater();
    });
  }
  function retryLater() {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(flush, 5000);
  }

  form.addEventListener("change", function (event) {
    var box = event.target.closest("fieldset[data-question]");
    if (!box) return;
    remember(box);
    flush();
  });
  form.addEventListener("input", function (event) {
    var box = event.target.closest("fieldset[data-question]");
    if (!box || (box.dataset.kind !== "short" && box.dataset.kind !== "essay")) return;
    remember(box);
    clearTimeout(typingTimers[box.dataset.question]);
    typingTimers[box.dataset.question] = setTimeout(flush, 800);
  });
  form.addEventListener("submit", function (event) {
    if (!navigator.onLine) {
      event.preventDefault();
      say(text.textOffline, true);
      return;
    }
    form.querySelector("input[name=seq]").value = String(Date.now());
  });
  window.addEventListener("online", flush);
  window.addEventListener("offline", function () { say(text.textOffline, true); });

  Object.keys(queue).forEach(function (id) {
    var box = fieldset(id);
    if (!box) { delete queue[id]; return; }
    restore(box, queue[id].response);
    setFlag(id, "unsaved");
  });
  storeQueue(queue);
  flush();

  if (text.secondsLeft !== undefined) {
    var timer = document.getElementById("quiz-timer");
    var endsAt = Date.now() + parseInt(text.secondsLeft, 10) * 1000;
    var tick = function () {
      var left = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
      var minutes = Math.floor(left / 60), seconds = left % 60;
      timer.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
      if (left === 0) {
        say(text.textTimeUp, true);
        form.querySelector("input[name=seq]").value = String(Date.now());
        form.submit();
        return;
      }
      setTimeout(tick, 1000);
    };
    tick();
  }
})();
