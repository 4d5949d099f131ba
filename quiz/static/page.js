/* valkompass static page: the citizen's flow (start, one statement at a time, results).
   Scoring and share links come from valkompass.js. Nothing leaves this page's origin. */
(function () {
  "use strict";
  const engine = window.valkompassEngine;
  const main = document.getElementById("main");
  const params = new URLSearchParams(location.search);
  const state = {view: "start", index: 0, answers: {}, important: [], lang: params.get("lang") === "en" ? "en" : "sv",
                 method: null, notice: null};
  let quiz = null;

  fetch(document.body.dataset.quiz).then((response) => response.json()).then((data) => {
    quiz = data;
    state.method = quiz.weights.default_method;
    window.valkompass = {score: (respondents, methodId) => engine.score(quiz, respondents, methodId),
                         encode: (respondent) => engine.encodeShare(quiz, respondent),
                         decode: (token) => engine.decodeShare(quiz, token)};
    restore();
    render();
  });

  /* ---- state: the URL's result token first, else this tab's sessionStorage ---- */

  function storageKey() { return `valkompass:${quiz.id}`; }

  function restore() {
    const token = params.get("r");
    if (token) {
      try {
        const shared = engine.decodeShare(quiz, token);
        Object.assign(state, {answers: shared.answers, important: shared.important, view: "results"});
        return;
      } catch (error) {
        if (!(error instanceof engine.ShareError)) throw error;
        state.notice = t("link_error", {reason: t(`err_${error.reason}`)});
      }
    }
    try {
      const saved = checked(JSON.parse(sessionStorage.getItem(storageKey()) || "null"));
      if (saved) Object.assign(state, saved, {lang: params.get("lang") ? state.lang : saved.lang});
    } catch (error) { /* storage blocked (some embedded contexts) or unreadable: start afresh */ }
  }

  /* Saved state is only trusted when it fits this quiz (it may come from an older version of it). */
  function checked(saved) {
    if (!saved || typeof saved !== "object") return null;
    const ids = new Set(quiz.statements.map((s) => s.id)), scale = quiz.weights.scale.answers.map((a) => a.value);
    const answers = Object.entries(saved.answers || {});
    const fits = ["start", "question", "results"].includes(saved.view) && Number.isInteger(saved.index)
      && saved.index >= 0 && saved.index < quiz.statements.length && ["sv", "en"].includes(saved.lang)
      && Object.hasOwn(quiz.weights.methods, saved.method) && Array.isArray(saved.important)
      && saved.important.every((id) => ids.has(id))
      && answers.every(([id, value]) => ids.has(id) && (value === null || scale.includes(value)));
    return fits ? saved : null;
  }

  function save() {
    const {view, index, answers, important, lang, method} = state;
    try { sessionStorage.setItem(storageKey(), JSON.stringify({view, index, answers, important, lang, method})); }
    catch (error) { /* storage blocked: nothing to keep */ }
    const query = new URLSearchParams({quiz: quiz.id, lang: state.lang});
    if (view === "results") query.set("r", engine.encodeShare(quiz, state));
    history.replaceState(null, "", `${location.pathname}?${query}`);
  }

  function go(view, index) {
    state.view = view;
    if (index !== undefined) state.index = index;
    state.notice = null;
    render();
    const heading = main.querySelector("h1");
    if (heading) heading.focus();
  }

  /* ---- rendering ---- */

  function t(key, values) {
    let text = quiz.strings[key][state.lang];
    for (const [name, value] of Object.entries(values || {})) text = text.split(`{${name}}`).join(String(value));
    return text;
  }

  function tx(text) { return text[state.lang]; }

  function esc(value) {
    return String(value).replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
  }

  function render() {
    document.documentElement.lang = state.lang;
    document.title = tx(quiz.title);
    const views = {start: renderStart, question: renderQuestion, results: renderResults};
    main.innerHTML = `<div class="top"><button type="button" class="link" data-action="lang">${esc(t("lang_switch"))}</button></div>`
      + (state.notice ? `<p class="notice" role="alert">${esc(state.notice)}</p>` : "") + views[state.view]();
    if (state.view === "results") drawChart();
    save();
    performance.mark(`valkompass:${state.view}`);
  }

  function renderStart() {
    const sources = quiz.sources.map((s) => `<li>${esc(partyName(s.party))}: <cite>${esc(s.title)}</cite> (${esc(tx(s.kind))}, ${esc(s.year)})</li>`);
    return `<h1 tabindex="-1">${esc(tx(quiz.title))}</h1><p>${esc(tx(quiz.description))}</p>
      <h2>${esc(t("sources"))}</h2><p>${esc(t("sources_intro"))}</p><ul>${sources.join("")}</ul>
      <p class="small">${esc(t("privacy"))}</p>
      <button type="button" class="primary" data-action="start">${esc(t("start"))}</button>`;
  }

  function renderQuestion() {
    const statement = quiz.statements[state.index], value = state.answers[statement.id];
    const topic = quiz.topics.find((item) => item.id === statement.topic);
    const options = quiz.weights.scale.answers.map((option) => `<button type="button" class="answer" data-action="answer"
      data-value="${option.value}" aria-pressed="${value === option.value}">${esc(tx(option.label))}</button>`);
    const important = state.important.includes(statement.id) ? " checked" : "";
    return `<p class="small">${esc(t("progress", {n: state.index + 1, of: quiz.statements.length}))} · ${esc(tx(topic.name))}</p>
      <h1 tabindex="-1" id="statement">${esc(tx(statement.text))}</h1>
      <div class="answers" role="group" aria-labelledby="statement">${options.join("")}
        <button type="button" class="answer skip" data-action="answer" data-value="skip" aria-pressed="${value === null}">${esc(tx(quiz.weights.scale.skip))}</button></div>
      <p><label><input type="checkbox" data-action="important"${important}> ${esc(t("important"))}</label></p>
      <p class="nav">${state.index ? `<button type="button" data-action="back">${esc(t("back"))}</button>` : ""}
        <button type="button" data-action="results">${esc(t("to_results"))}</button></p>`;
  }

  function renderResults() {
    const respondent = {answers: state.answers, important: state.important};
    const answered = Object.values(state.answers).some((value) => value !== null);
    const back = `<p class="nav"><button type="button" data-action="back">${esc(t("back"))}</button>
      <button type="button" data-action="restart">${esc(t("restart"))}</button></p>`;
    if (!answered) return `<h1 tabindex="-1">${esc(t("results"))}</h1><p>${esc(t("all_skipped"))}</p>${back}`;
    const rows = matchRows(engine.scoreOne(quiz, respondent, state.method));
    return `<h1 tabindex="-1">${esc(t("results"))}</h1>${renderMethodChoice()}
      <div id="chart" role="img" aria-label="${esc(t("chart_label"))}"></div>${renderTable(rows)}
      ${renderComparison()}${renderMethodNote()}${renderShare()}${back}`;
  }

  /* The rows of quiz.charts.match_frame: best match first, ties marked, "based on n of N". */
  function matchRows(scores) {
    return engine.rank(scores).map(({rank, score, tied}) => {
      const party = quiz.parties.find((p) => p.id === score.party), percent = score.percent;
      const shown = percent === null ? "–" : `${engine.roundHalfEven(percent, 0).toFixed(0)} %`;
      return {party: party.id, name: tx(party.name), color: party.color,
              percent: percent === null ? null : engine.roundHalfEven(percent, 1), rank, tied,
              counted: score.coverage.counted, answered: score.coverage.answered,
              heading: `${tx(party.name)} · ${shown}${tied ? " (=)" : ""}`,
              basis: t("based_on", {n: score.coverage.counted, of: score.coverage.answered})};
    });
  }

  function renderMethodChoice() {
    const ids = Object.keys(quiz.weights.methods);
    if (ids.length < 2) return "";
    const options = ids.map((id) => `<option value="${esc(id)}"${id === state.method ? " selected" : ""}>${esc(tx(quiz.weights.methods[id].name))}</option>`);
    return `<p><label for="method">${esc(t("method"))}</label> <select id="method" data-action="method">${options.join("")}</select></p>`;
  }

  function renderTable(rows) {
    const body = rows.map((row) => `<tr><th scope="row">${esc(row.name)}</th>
      <td><span class="pct">${row.percent === null ? esc(t("no_basis")) : `${row.percent.toFixed(1)} %`}</span>${row.tied ? ` (${esc(t("tied"))})` : ""}</td>
      <td>${esc(row.basis)}</td></tr>`);
    return `<table><caption>${esc(t("table_caption"))}</caption><thead><tr><th scope="col">${esc(t("table_party"))}</th>
      <th scope="col">${esc(t("table_match"))}</th><th scope="col">${esc(t("table_basis"))}</th></tr></thead>
      <tbody>${body.join("")}</tbody></table>`;
  }

  function renderComparison() {
    const items = quiz.statements.map((statement, i) => {
      const value = state.answers[statement.id];
      const yours = value === undefined || value === null ? t("skipped") : label(value);
      const parties = quiz.order[state.lang].map((id) => renderPosition(statement.positions[id], id));
      return `<details><summary>${i + 1}. ${esc(tx(statement.text))} <span class="small">${esc(t("you"))}: ${esc(yours)}</span></summary>
        <ul class="positions">${parties.join("")}</ul></details>`;
    });
    return `<h2>${esc(t("compare"))}</h2>${items.join("")}`;
  }

  function renderPosition(position, partyId) {
    if (!position) return `<li><strong>${esc(partyName(partyId))}</strong>: ${esc(t("no_position"))}</li>`;
    const source = quiz.sources.find((s) => s.id === position.source);
    return `<li><strong>${esc(partyName(partyId))}</strong>: ${esc(label(position.stance))}
      <blockquote>${esc(position.quote)}</blockquote>
      <p class="small">${esc(t("quote_from", {title: source.title, kind: tx(source.kind), year: source.year}))}</p></li>`;
  }

  function renderMethodNote() {
    const m = quiz.weights.methods[state.method], missing = m.missing;
    const rule = missing.rule === "drop" ? t("missing_drop") : t("missing_penalty", {max: missing.max_points});
    return `<h2>${esc(t("method_note"))}</h2><p><strong>${esc(tx(m.name))}.</strong> ${esc(tx(m.description))}</p>
      <p>${esc(t("method_formula", {w: quiz.weights.important_weight}))}</p><p>${esc(rule)}</p>`;
  }

  function renderShare() {
    /* The app's own query string (quiz, lang, r), so the link opens the same result in the app too. */
    const query = new URLSearchParams({quiz: quiz.id, lang: state.lang, r: engine.encodeShare(quiz, state)});
    const link = `${location.origin}${location.pathname}?${query}`;
    return `<h2>${esc(t("share"))}</h2><p>${esc(t("share_intro"))}</p>
      <p><label for="share-link" class="sr-only">${esc(t("share"))}</label><input id="share-link" readonly value="${esc(link)}">
      <button type="button" data-action="copy">${esc(t("copy"))}</button> <span role="status" id="copy-status"></span></p>`;
  }

  function label(value) {
    const option = quiz.weights.scale.answers.find((a) => a.value === value);
    return option ? tx(option.label) : String(value);
  }

  function partyName(id) { return tx(quiz.parties.find((p) => p.id === id).name); }

  /* The Vega bundle is loaded only when a result is shown, so the first statement comes fast. */
  let vegaLoading = null;
  function drawChart() {
    const rows = matchRows(engine.scoreOne(quiz, {answers: state.answers, important: state.important}, state.method));
    if (!vegaLoading) {
      vegaLoading = new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = document.body.dataset.vega;
        script.onload = resolve; script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    vegaLoading.then(() => {
      const target = document.getElementById("chart");
      if (!target) return;
      const spec = JSON.parse(JSON.stringify(quiz.chart[state.lang]));
      spec.datasets = {match: rows};
      for (const layer of spec.layer) layer.encoding.y.sort = rows.map((row) => row.party);
      window.vegaEmbed(target, spec, {actions: false, renderer: "svg"});
    });
  }

  /* ---- events ---- */

  main.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const action = button.dataset.action;
    performance.mark(`valkompass:click-${action}`);
    if (action === "lang") { state.lang = state.lang === "sv" ? "en" : "sv"; render(); main.querySelector("[data-action=lang]").focus(); }
    if (action === "start") go("question", 0);
    if (action === "answer") answer(button.dataset.value);
    if (action === "back") go("question", state.view === "results" ? quiz.statements.length - 1 : state.index - 1);
    if (action === "results") go("results");
    if (action === "restart") { Object.assign(state, {answers: {}, important: []}); go("start", 0); }
    if (action === "copy") copyLink();
  });

  main.addEventListener("change", (event) => {
    const action = event.target.dataset.action;
    if (action === "method") { state.method = event.target.value; render(); document.getElementById("method").focus(); }
    if (action === "important") {
      const id = quiz.statements[state.index].id;
      state.important = state.important.filter((item) => item !== id).concat(event.target.checked ? [id] : []);
      save();
    }
  });

  function answer(value) {
    const statement = quiz.statements[state.index];
    state.answers[statement.id] = value === "skip" ? null : Number(value);
    if (value === "skip") state.important = state.important.filter((item) => item !== statement.id);
    if (state.index + 1 < quiz.statements.length) go("question", state.index + 1);
    else go("results");
  }

  function copyLink() {
    const input = document.getElementById("share-link");
    input.select();
    const done = () => { document.getElementById("copy-status").textContent = t("copied"); };
    if (navigator.clipboard) navigator.clipboard.writeText(input.value).then(done, () => {});
  }
})();
