/* Quiz attempt: save each answer as it is given, keep unsent answers on the phone while offline,
   and say plainly whether everything is saved. The page works without this script: its buttons
   post the whole form.

   Versions, not clocks. The server numbers every answer it stores (one sequence per attempt),
   and the page holds the number of each answer it shows (the hidden input base-<question>). An
   answer is sent with the number it was made on ("base"); the server stores it only if that is
   still the stored version. Its reply lists the answers stored ("saved", their new numbers in
   "seqs") and those that lost to a newer answer from another device or tab ("lost", with the
   answer stored and its number). A lost answer leaves the queue and the stored one is shown in
   its place, so the page never says "saved" about an answer the server does not hold.
   When a request fails on the way, its answers may or may not have been stored: they are kept
   as "unsure", and if the server later says an answer lost to exactly one of them, it was this
   phone's own and the newer answer is sent again on top of it. */
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
  var waitingSubmit = null; // the submit that waits for the answers on their way
  var lostNotice = false; // an answer lost since the trainee last changed one
  var known = {}; // question id -> number of the stored answer this page knows

  form.querySelectorAll("input[name^='base-']").forEach(function (input) {
    known[input.name.slice(5)] = parseInt(input.value, 10) || 0;
  });

  // queue: question id -> {response, base, unsure: [responses sent whose fate is unknown]}
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
  function syncBase(questionId) {
    // what the form would send: the version the answer in the page was made on
    var input = form.querySelector('input[name="base-' + questionId + '"]');
    if (input) input.value = String(queue[questionId] ? queue[questionId].base : known[questionId] || 0);
  }
  function setFlag(questionId, state) {
    var box = fieldset(questionId);
    if (!box) return;
    var flag = box.querySelector(".save-flag");
    flag.dataset.state = state;
    flag.textContent = {
      saved: text.textSaved, saving: text.textSaving, replaced: text.textReplaced
    }[state] || text.textUnsaved;
  }
  function say(message, isProblem) {
    stateLine.textContent = message;
    status.classList.toggle("quiz-status-problem", !!isProblem);
  }
  function sayAllSent() {
    if (lostNotice) { say(text.textLost, true); } else { say(text.textAllSaved, false); }
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
  function normal(response) {
    // a response in the shape the server stores it, to compare the two
    if (response === undefined || response === null) return null;
    if (Array.isArray(response)) {
      return response.length ? response.slice().sort(function (a, b) { return a - b; }) : null;
    }
    if (typeof response === "string" && !response.trim()) return null;
    return response;
  }
  function same(a, b) {
    return JSON.stringify(normal(a)) === JSON.stringify(normal(b));
  }

  function remember(box) {
    var id = box.dataset.question;
    var earlier = queue[id];
    queue[id] = {
      response: responseOf(box),
      base: earlier ? earlier.base : known[id] || 0,
      unsure: earlier ? earlier.unsure : []
    };
    lostNotice = false;
    storeQueue(queue);
    syncBase(id);
    setFlag(id, "unsaved");
  }

  function settle(sent, body) {
    var seqs = body.seqs || {};
    (body.saved || []).forEach(function (questionId) {
      var id = String(questionId);
      if (!sent[id]) return;
      known[id] = seqs[id];
      if (queue[id] === sent[id]) {
        delete queue[id];
        setFlag(id, "saved");
      } else if (queue[id]) { // changed again meanwhile: the newer answer was made on the one just stored
        queue[id].base = known[id];
        queue[id].unsure = [];
      }
      syncBase(id);
    });
    (body.lost || []).forEach(function (lost) {
      var id = String(lost.question);
      var current = queue[id];
      if (!sent[id]) return;
      known[id] = lost.seq;
      var ownEarlier = current && current.unsure.some(function (response) { return same(response, lost.response); });
      if (ownEarlier) { // the stored answer is one this phone sent without hearing back: build on it
        current.base = lost.seq;
        current.unsure = [];
      } else {
        delete queue[id];
        var box = fieldset(id);
        if (box) restore(box, lost.response);
        setFlag(id, "replaced");
        lostNotice = true;
      }
      syncBase(id);
    });
    storeQueue(queue);
  }

  function unsure(sent) {
    Object.keys(sent).forEach(function (id) {
      var current = queue[id];
      if (!current) return;
      if (!current.unsure.some(function (response) { return same(response, sent[id].response); })) {
        current.unsure.push(sent[id].response);
      }
      setFlag(id, "unsaved");
    });
    storeQueue(queue);
  }

  function flush() {
    var ids = Object.keys(queue);
    if (!ids.length) { sayAllSent(); return; }
    if (!navigator.onLine) { say(text.textOffline, true); return; }
    if (sending) return;
    sending = true;
    var sent = {};
    var answers = ids.map(function (id) {
      sent[id] = queue[id];
      setFlag(id, "saving");
      return { question: parseInt(id, 10), response: queue[id].response, base: queue[id].base };
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
        settle(sent, result.body);
        if (releaseSubmit()) return;
        if (Object.keys(queue).length) { flush(); } else { sayAllSent(); }
      } else if (result.code === 409) {
        localStorage.removeItem(storageKey);
        say(result.body.error || text.textClosed, true);
        if (result.body.review_url) window.location.assign(result.body.review_url);
      } else {
        say(result.body.error || text.textFailed, true);
        if (result.code === 400) {
          Object.keys(sent).forEach(function (id) {
            if (queue[id] === sent[id]) { delete queue[id]; syncBase(id); }
            setFlag(id, "unsaved");
          });
          storeQueue(queue);
        } else {
          unsure(sent);
          retryLater();
        }
        releaseSubmit();
      }
    }).catch(function () {
      sending = false;
      unsure(sent);
      say(navigator.onLine ? text.textFailed : text.textOffline, true);
      if (!releaseSubmit()) retryLater();
    });
  }
  function retryLater() {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(flush, 5000);
  }
  function releaseSubmit() {
    // a submit waited for the answers on their way; the form now carries the versions they got
    if (!waitingSubmit) return false;
    var button = waitingSubmit;
    waitingSubmit = null;
    form.requestSubmit(button === true ? undefined : button);
    return true;
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
    if (sending && form.requestSubmit) {
      event.preventDefault();
      waitingSubmit = event.submitter || true;
    }
  });
  window.addEventListener("online", flush);
  window.addEventListener("offline", function () { say(text.textOffline, true); });

  Object.keys(queue).forEach(function (id) {
    var box = fieldset(id);
    var item = queue[id];
    if (!box || !item) { delete queue[id]; return; }
    if (typeof item.base !== "number") item.base = 0; // queued by an older version of this page
    if (!Array.isArray(item.unsure)) item.unsure = [];
    restore(box, item.response);
    setFlag(id, "unsaved");
    syncBase(id);
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
        form.submit();
        return;
      }
      setTimeout(tick, 1000);
    };
    tick();
  }
})();
