// TpmPrep: progressive enhancement only; every page works without this file.
(function () {
    "use strict";

    // A timer counts down from the suggested minutes and keeps going into overtime. data-elapsed says how
    // long the clock has already run (the server knows, so a refresh does not reset it). In a mock
    // interview, data-lock-target names the answer box to lock when time is up and data-time-up the notice.
    function startTimer(root) {
        const minutes = Number(root.dataset.minutes || "0");
        let elapsedAtSync = Number(root.dataset.elapsed || "0");
        // A practice question's clock is the server's: idle until the candidate starts, and it may be paused. A
        // session's clock (no data-state) runs from the page's load, as the server counts it.
        let state = root.dataset.state || "running";
        const output = root.querySelector("output");
        const bar = root.querySelector("progress");
        const field = document.getElementById(root.dataset.field || "");
        const lockTarget = document.getElementById(root.dataset.lockTarget || "");
        const notice = document.getElementById(root.dataset.timeUp || "");
        const status = root.querySelector("[data-timer-status]");
        let syncedAt = Date.now();
        let locked = false;
        function format(totalSeconds) {
            const sign = totalSeconds < 0 ? "+" : "";
            const s = Math.abs(totalSeconds);
            return sign + Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
        }
        function elapsedNow() {
            return state === "running" ? elapsedAtSync + Math.floor((Date.now() - syncedAt) / 1000) : elapsedAtSync;
        }
        function tick() {
            const elapsed = elapsedNow();
            const remaining = minutes * 60 - elapsed;
            output.textContent = format(remaining);
            if (bar) { bar.value = Math.min(elapsed, minutes * 60); }
            root.classList.toggle("overtime", remaining < 0);
            if (field) { field.value = String(elapsed); }
            if (remaining <= 0 && lockTarget && !locked && lockTarget.dataset.overtime !== "true") {
                locked = true;
                lockTarget.readOnly = true;
                if (notice) { notice.hidden = false; }
            }
        }
        const form = document.querySelector("form [data-timer-act]") ? document.querySelector("[data-timer-act]").form : null;
        const buttons = form ? form.querySelectorAll("[data-timer-act]") : [];
        function show() {
            buttons.forEach(function (b) {
                const isPause = b.dataset.timerAct === "pause";
                b.hidden = isPause ? state !== "running" : state === "running";
                if (!isPause) { b.textContent = state === "paused" ? "Resume the clock" : "Start the clock"; }
            });
            if (status) {
                status.textContent = state === "paused" ? "Paused." : state === "running" ? "Running: kept on the server, a reload does not reset it." : status.textContent;
            }
        }
        function act(button) {
            // Only the token: the draft has its own saving, and an early keystroke must not overwrite it.
            const body = new FormData();
            body.append("__RequestVerificationToken", antiforgeryToken(button));
            return fetch(button.formAction, { method: "POST", body: body, credentials: "same-origin", headers: { "Accept": "application/json" } })
                .then(function (response) { return response.ok ? response.json() : Promise.reject(new Error("the server answered " + response.status)); })
                .then(function (result) { elapsedAtSync = result.elapsed; syncedAt = Date.now(); state = result.state; show(); tick(); })
                .catch(function (e) { if (status) { status.textContent = "The clock could not be changed: " + e.message; } });
        }
        buttons.forEach(function (button) {
            button.addEventListener("click", function (event) { event.preventDefault(); act(button); });
        });
        // Typing starts an idle clock.
        const answer = form ? form.querySelector("textarea") : null;
        if (answer && state === "idle") {
            answer.addEventListener("input", function once() {
                answer.removeEventListener("input", once);
                const start = form.querySelector("[data-timer-act=start]");
                if (state === "idle" && start) { act(start); }
            });
        }
        tick();
        setInterval(tick, 1000);
    }

    // "Keep going in overtime" unlocks the answer and records that the candidate chose to go on.
    function wireOvertime(button) {
        button.addEventListener("click", function () {
            const flag = document.getElementById(button.dataset.overtime);
            const target = document.getElementById(button.dataset.unlock);
            if (flag) { flag.value = "true"; }
            if (target) { target.readOnly = false; target.dataset.overtime = "true"; target.focus(); }
            const notice = button.closest("[role=alert]");
            if (notice) { notice.hidden = true; }
        });
    }

    // Answers are kept in this browser as they are typed, so a refresh or a closed tab loses nothing.
    function keepDraft(textarea) {
        const key = "tpmprep:draft:" + textarea.dataset.draftKey;
        const status = document.getElementById(textarea.dataset.draftStatus || "");
        const saved = localStorage.getItem(key);
        if (saved && !textarea.value) {
            textarea.value = saved;
            if (status) { status.textContent = "Draft restored from this browser."; }
        }
        let timer = 0;
        let serverTimer = 0;
        textarea.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(function () {
                try {
                    localStorage.setItem(key, textarea.value);
                    if (status) { status.textContent = "Draft saved in this browser."; }
                } catch (e) {
                    if (status) { status.textContent = "Could not save a draft: " + e.message; }
                }
            }, 300);
            // The server copy follows a little later, so another tab or device finds the draft too.
            clearTimeout(serverTimer);
            serverTimer = setTimeout(function () { saveOnServer(textarea, status); }, 1500);
        });
    }

    function antiforgeryToken(element) {
        const form = element.closest("form");
        const field = form && form.querySelector("input[name=__RequestVerificationToken]");
        return field ? field.value : "";
    }

    function saveOnServer(textarea, status) {
        const url = textarea.dataset.draftUrl;
        if (!url) { return; }
        const body = new FormData();
        body.append("text", textarea.value);
        body.append("__RequestVerificationToken", antiforgeryToken(textarea));
        fetch(url, { method: "POST", body: body, credentials: "same-origin" }).then(function (response) {
            if (response.ok && status) { status.textContent = "Draft saved."; }
        }).catch(function () {
            if (status) { status.textContent = "Offline: draft kept in this browser."; }
        });
    }

    // The preview is rendered by the server, through the same safe pipeline as saved answers.
    function wirePreview(button) {
        const source = document.getElementById(button.dataset.previewFor);
        const target = document.getElementById(button.dataset.previewTarget);
        button.addEventListener("click", function (event) {
            event.preventDefault();
            const body = new FormData();
            body.append("text", source.value);
            body.append("__RequestVerificationToken", antiforgeryToken(button));
            fetch("/markdown/preview", { method: "POST", body: body, credentials: "same-origin" })
                .then(function (response) { return response.ok ? response.text() : Promise.reject(new Error("the server answered " + response.status)); })
                .then(function (html) { target.innerHTML = html; target.hidden = false; })
                .catch(function (e) { target.textContent = "No preview: " + e.message; target.hidden = false; });
        });
    }

    // After a successful submit the server says which draft to forget.
    function clearSubmittedDrafts() {
        document.querySelectorAll("[data-clear-draft]").forEach(function (el) {
            const key = "tpmprep:draft:" + el.dataset.clearDraft;
            localStorage.removeItem(key);
        });
    }

    // Each choice in a self-assessment is saved as it is made; the form's buttons still save without script.
    function autosaveRatings(form) {
        const url = form.dataset.autosave;
        const token = form.querySelector("input[name=__RequestVerificationToken]");
        const status = document.getElementById("autosave-status");
        const progress = document.getElementById("assessment-progress");
        const progressText = document.getElementById("progress-text");
        const answered = new Set(Array.from(form.querySelectorAll("input[type=radio]:checked")).map(function (r) { return r.name; }));
        form.addEventListener("change", function (event) {
            const input = event.target;
            if (!(input instanceof HTMLInputElement) || input.type !== "radio") { return; }
            const match = /^Ratings\[(.+)\]$/.exec(input.name);
            if (!match) { return; }
            const body = new FormData();
            body.append("indicator", match[1]);
            body.append("rating", input.value);
            if (token) { body.append("__RequestVerificationToken", token.value); }
            fetch(url, { method: "POST", body: body, credentials: "same-origin" }).then(function (response) {
                if (!response.ok) { throw new Error("the server answered " + response.status); }
                if (!answered.has(input.name) && progress) {
                    answered.add(input.name);
                    progress.value = Number(progress.value) + 1;
                    if (progressText) { progressText.textContent = progress.value + " of " + progress.max + " statements rated"; }
                }
                if (status) { status.textContent = "Saved."; }
            }).catch(function (e) {
                if (status) { status.textContent = "Not saved yet (" + e.message + "): use a Save button below."; }
            });
        });
    }

    // An import runs in the background: follow its progress, and show the result once it has finished.
    function followImport(section) {
        const bar = section.querySelector("progress");
        const percent = section.querySelector("[data-import-percent]");
        function poll() {
            fetch(section.dataset.importStatus, { credentials: "same-origin" })
                .then(function (response) { return response.ok ? response.json() : Promise.reject(new Error(String(response.status))); })
                .then(function (status) {
                    if (bar) { bar.max = Math.max(1, status.total); bar.value = status.done; }
                    if (percent) { percent.textContent = status.percent + "%"; }
                    if (status.finished) { window.location.reload(); } else { setTimeout(poll, 1000); }
                })
                .catch(function () { setTimeout(poll, 5000); });
        }
        if (section.querySelector("[data-import-waiting]")) { setTimeout(poll, 500); }
    }

    // A scorecard draft is saved a moment after each change; the server answers with the card's new version, which
    // the next save must name. The Save and Submit buttons still work without script.
    function autosaveScorecard(form) {
        const url = form.dataset.autosaveCard;
        const status = document.getElementById("autosave-status");
        const version = form.querySelector("input[name=Version]");
        let timer = null;
        let inFlight = 0;
        let saving = Promise.resolve();
        function save() {
            timer = null;
            inFlight++;
            saving = saving.then(function () {
                return fetch(url, { method: "POST", body: new FormData(form), credentials: "same-origin" }).then(function (response) {
                    if (!response.ok) { throw new Error("the server answered " + response.status); }
                    return response.text();
                }).then(function (text) {
                    if (version) { version.value = text.trim(); }
                    if (status) { status.textContent = "Draft saved."; }
                }).catch(function (e) {
                    if (status) { status.textContent = "Draft not saved (" + e.message + "): use Save draft below."; }
                }).finally(function () { inFlight--; });
            });
        }
        // A button pressed while a draft is on its way waits for it, so that it names the version the draft made.
        form.addEventListener("submit", function (event) {
            if (timer) { clearTimeout(timer); timer = null; }
            if (inFlight > 0) {
                event.preventDefault();
                const submitter = event.submitter;
                saving.then(function () { form.requestSubmit(submitter); });
            }
        });
        function schedule() {
            if (timer) { clearTimeout(timer); }
            timer = setTimeout(save, 1200);
        }
        form.addEventListener("input", schedule);
        form.addEventListener("change", schedule);
    }

    // Search as you type. The form is a plain GET; this sends it after a short pause in typing (at once for a list or
    // a tick), swaps the results in and keeps the address in step, so Back, a reload and a shared link show the same
    // results. An answer that arrives after a newer request was sent is dropped.
    function liveSearch(form) {
        const results = document.getElementById(form.dataset.liveSearch);
        const count = document.getElementById("search-count");
        if (!results || !window.fetch || !window.DOMParser || !window.URLSearchParams) { return; }
        let timer = 0;
        let sent = 0;
        function run() {
            const params = new URLSearchParams();
            new FormData(form).forEach(function (value, key) { if (value !== "") { params.append(key, value); } });
            const query = params.toString();
            const url = location.pathname + (query ? "?" + query : "");
            const mine = ++sent;
            results.setAttribute("aria-busy", "true");
            fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
                .then(function (response) { return response.ok ? response.text() : Promise.reject(new Error("the server answered " + response.status)); })
                .then(function (html) {
                    if (mine !== sent) { return; }
                    const fresh = new DOMParser().parseFromString(html, "text/html").getElementById(results.id);
                    if (!fresh) { return; }
                    results.innerHTML = fresh.innerHTML;
                    if (count) { count.textContent = fresh.dataset.searchCountText || ""; }
                    history.replaceState(null, "", url);
                })
                .catch(function () {
                    if (mine === sent && count) { count.textContent = "The results could not be updated; press Search."; }
                })
                .finally(function () {
                    if (mine === sent) { results.removeAttribute("aria-busy"); }
                });
        }
        form.addEventListener("input", function (event) {
            clearTimeout(timer);
            timer = setTimeout(run, event.target.type === "search" ? 250 : 0);
        });
        form.addEventListener("submit", function (event) {
            event.preventDefault();
            clearTimeout(timer);
            run();
        });
    }

    // A spoken answer: records from the microphone with MediaRecorder and puts the recording in the form's file field,
    // so it is posted with the answer as an attached file would be. Starting to record starts the question's clock.
    // Without MediaRecorder (or without script) the file field is there to attach a recording made elsewhere.
    function wireRecorder(root) {
        const input = root.querySelector("input[type=file]");
        const controls = root.querySelector(".recorder-controls");
        const record = root.querySelector("[data-record]");
        const stop = root.querySelector("[data-stop]");
        const status = root.querySelector("[data-record-status]");
        const preview = root.querySelector("[data-record-preview]");
        const answer = document.getElementById(root.dataset.answer || "");
        const max = Number(root.dataset.maxBytes || "0");
        function attached() {
            if (answer) { answer.required = !(input.files && input.files.length > 0); }
        }
        input.addEventListener("change", attached);
        if (!window.MediaRecorder || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || !window.DataTransfer) { return; }
        controls.hidden = false;
        let recorder = null;
        let startedAt = 0;
        record.addEventListener("click", function () {
            navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
                const chunks = [];
                let size = 0;
                recorder = new MediaRecorder(stream);
                recorder.addEventListener("dataavailable", function (event) {
                    if (event.data && event.data.size > 0) {
                        chunks.push(event.data);
                        size += event.data.size;
                        if (max && size > max && recorder.state !== "inactive") { recorder.stop(); return; }
                        if (recorder.state === "recording") {
                            status.textContent = "Recording: " + Math.round((Date.now() - startedAt) / 1000) + " s so far. Press Stop when you are done.";
                        }
                    }
                });
                recorder.addEventListener("stop", function () {
                    stream.getTracks().forEach(function (track) { track.stop(); });
                    const type = (recorder.mimeType || "audio/webm").split(";")[0];
                    const blob = new Blob(chunks, { type: type });
                    record.hidden = false;
                    stop.hidden = true;
                    record.textContent = "● Record again";
                    if (max && blob.size > max) {
                        status.textContent = "That recording is over " + Math.round(max / 1048576) + " MB: record a shorter answer.";
                        return;
                    }
                    const extension = type.indexOf("ogg") >= 0 ? "ogg" : type.indexOf("mp4") >= 0 ? "m4a" : "webm";
                    const transfer = new DataTransfer();
                    transfer.items.add(new File([blob], "spoken-answer." + extension, { type: type }));
                    input.files = transfer.files;
                    attached();
                    if (preview.src) { URL.revokeObjectURL(preview.src); }
                    preview.src = URL.createObjectURL(blob);
                    preview.hidden = false;
                    const seconds = Math.max(1, Math.round((Date.now() - startedAt) / 1000));
                    status.textContent = "Recorded " + Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0") + ". Play it back below; it is sent with your answer.";
                });
                recorder.start(1000);
                startedAt = Date.now();
                record.hidden = true;
                stop.hidden = false;
                stop.focus();
                status.textContent = "Recording: press Stop when you are done.";
                const clock = document.querySelector("[data-timer-act='start']:not([hidden])");
                if (clock) { clock.click(); }
            }).catch(function (error) {
                status.textContent = "The microphone could not be used (" + error.name + "). Attach a recording or type your answer.";
            });
        });
        stop.addEventListener("click", function () {
            if (recorder && recorder.state !== "inactive") { recorder.stop(); }
        });
    }

    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.addEventListener("click", function () { window.print(); });
    });

    document.querySelectorAll("[data-preview-for]").forEach(wirePreview);
    document.querySelectorAll("[data-overtime]").forEach(wireOvertime);
    document.documentElement.classList.add("js");
    document.querySelectorAll("form[data-autosave]").forEach(autosaveRatings);
    document.querySelectorAll("form[data-autosave-card]").forEach(autosaveScorecard);
    clearSubmittedDrafts();
    document.querySelectorAll("[data-timer]").forEach(startTimer);
    document.querySelectorAll("textarea[data-draft-key]").forEach(keepDraft);
    document.querySelectorAll("[data-import-status]").forEach(followImport);
    document.querySelectorAll("form[data-live-search]").forEach(liveSearch);
    document.querySelectorAll("[data-recorder]").forEach(wireRecorder);
})();
