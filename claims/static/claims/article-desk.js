// The article page as a triage desk: each marked claim can be chosen (keys, Tab or the mouse),
// its card shows beside the text with the moves the workflow allows this user, and the keys
// j k c n d a m o ? work from page load. Every move is a POST to the services' endpoints
// (claims/admin/desk.py); the mark's colour changes in place and the focus stays on the claim.
(function () {
  "use strict";

  const desk = document.getElementById("article-triage");
  const text = document.getElementById("article-text");
  if (!desk || !text) {
    return;
  }
  const title = document.getElementById("claim-panel-title");
  const cardBox = document.getElementById("desk-card");
  const movesBox = document.getElementById("desk-moves");
  const formBox = document.getElementById("desk-form");
  const announceBox = document.getElementById("desk-announce");
  const keys = document.getElementById("desk-keys");
  const makeClaim = document.getElementById("make-claim");
  const claimsUrl = desk.dataset.claimsUrl;

  let current = null; // the selected claim's <mark>
  let card = null; // its card, as the server last described it
  let queue = Promise.resolve(); // keys act one after the other, each on the page as left by the last
  let lastSelection = null; // the last text selected inside the article, for the button

  const marks = () => Array.from(text.querySelectorAll("mark[data-claim]"));
  const markOf = (id) => text.querySelector(`mark[data-claim="${id}"]`);
  const linkOf = (mark) => mark.querySelector("a");
  const cardUrl = (id, rest) => `${claimsUrl}${id}/desk/${rest || ""}`;

  function csrfToken() {
    const field = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (field) {
      return field.value;
    }
    const cookie = document.cookie.split("; ").find((item) => item.startsWith("csrftoken="));
    return cookie ? cookie.split("=")[1] : "";
  }

  let announcing = null;

  function silence() {
    window.clearTimeout(announcing);
    announceBox.textContent = "";
    announceBox.classList.remove("desk-error");
  }

  function announce(message, isError) {
    // Emptied first so that the same message twice is read twice.
    silence();
    announceBox.classList.toggle("desk-error", Boolean(isError));
    announcing = window.setTimeout(() => {
      announceBox.textContent = message;
      if (formBox.firstChild) {
        // The message pushed the open question down: keep it in view.
        formBox.scrollIntoView({block: "nearest"});
      }
    }, 30);
  }

  async function call(url, data) {
    const options = {credentials: "same-origin", headers: {Accept: "application/json"}};
    if (data) {
      options.method = "POST";
      options.headers["X-CSRFToken"] = csrfToken();
      options.body = new URLSearchParams(data);
    }
    let response;
    try {
      response = await fetch(url, options);
    } catch (error) {
      return {ok: false, body: {detail: "The server could not be reached; nothing was changed. Try again."}};
    }
    let body = null;
    try {
      body = await response.json();
    } catch (error) {
      body = null;
    }
    if (!body) {
      const why = response.status === 403 ? "You may not do this" : `The server answered ${response.status}`;
      body = {detail: `${why}; nothing was changed.`};
    }
    return {ok: response.ok, status: response.status, body: body};
  }

  // ---- Counting and marking -------------------------------------------------------------

  function recount() {
    const all = marks();
    const total = all.length + Number(desk.dataset.unplacedTotal || 0);
    const fresh = all.filter((mark) => mark.classList.contains("claim-state-new")).length +
      Number(desk.dataset.unplacedNew || 0);
    const count = document.getElementById("triage-count");
    if (count) {
      count.textContent = `${total} claim${total === 1 ? "" : "s"}, ${fresh} still to triage.`;
    }
  }

  function paint(claim) {
    const mark = markOf(claim.id);
    if (!mark) {
      return;
    }
    mark.className = `claim-state-${claim.status}`;
    mark.classList.toggle("claim-duplicate", Boolean(claim.duplicate_of));
    const duplicate = claim.duplicate_of ? ` · duplicate of #${claim.duplicate_of}` : "";
    mark.title = `${claim.status_label} · score ${claim.score}${duplicate}`;
    recount();
  }

  function select(mark, options) {
    if (current && current !== mark) {
      current.removeAttribute("aria-current");
    }
    current = mark;
    mark.setAttribute("aria-current", "true");
    silence(); // what was said about the last claim is not about this one
    if (!options || options.focus !== false) {
      linkOf(mark).focus();
    }
    mark.scrollIntoView({block: "nearest"});
    closeForm();
    return load(mark.dataset.claim);
  }

  async function load(id) {
    const answer = await call(cardUrl(id));
    if (!answer.ok) {
      announce(answer.body.detail, true);
      return;
    }
    show(answer.body.claim);
  }

  // ---- The card --------------------------------------------------------------------------

  function element(tag, attributes, content) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
    if (content !== undefined) {
      node.textContent = content;
    }
    return node;
  }

  const MOVES = [
    ["checkable", "c", "Checkable"],
    ["not-checkable", "n", "Not checkable"],
    ["duplicate", "d", "Duplicate"],
    ["assign", "a", "Assign"],
  ];

  function show(claim) {
    card = claim;
    paint(claim);
    title.textContent = `Claim #${claim.id}`;
    cardBox.replaceChildren();
    const facts = element("dl", {class: "desk-facts"});
    const fact = (label, value, className) => {
      facts.append(element("dt", {}, label));
      const dd = element("dd", className ? {class: className} : {}, value);
      facts.append(dd);
      return dd;
    };
    const state = fact("State", "");
    state.append(element("span", {class: `chip claim-state-${claim.status}`}, claim.status_label),
      ` score ${claim.score}`);
    fact("Claimant", claim.claimant || "Not known");
    fact("Statement", claim.statement, "desk-statement");
    if (claim.reviewer) {
      fact("Reviewer", claim.reviewer);
    }
    if (claim.duplicate_of) {
      fact("Duplicate of", `Claim #${claim.duplicate_of}`);
    }
    cardBox.append(facts);

    movesBox.replaceChildren();
    const allowed = MOVES.filter(([name]) => claim.moves[name] === null);
    allowed.forEach(([name, key, label]) => {
      const button = element("button", {type: "button", class: "button", "aria-keyshortcuts": key});
      button.append(element("kbd", {}, key), ` ${label}`);
      button.addEventListener("click", () => act(name));
      movesBox.append(button);
    });
    if (!allowed.length) {
      movesBox.append(element("p", {class: "desk-none"}, "No triage move is open to you on this claim."));
    }
    const open = element("a", {href: claim.url, class: "desk-open", "aria-keyshortcuts": "o"});
    open.append(element("kbd", {}, "o"), " Open the claim's page");
    movesBox.append(open);
  }

  // ---- Moves -----------------------------------------------------------------------------

  function act(name) {
    if (!card) {
      return undefined;
    }
    const refusal = card.moves[name];
    if (refusal) {
      announce(refusal, true);
      return undefined;
    }
    if (name === "checkable") {
      return send(name, {});
    }
    if (name === "not-checkable") {
      askReason();
    } else if (name === "duplicate") {
      askOriginal();
    } else if (name === "assign") {
      askReviewer();
    }
    return undefined;
  }

  async function send(name, data) {
    const claim = card;
    const answer = await call(cardUrl(claim.id, `${name}/`), {...data, version: claim.version});
    if (answer.body.claim) {
      // The claim as it is now; on a refusal the question stays open with what was typed.
      show(answer.body.claim);
    }
    if (answer.ok) {
      closeForm();
      const mark = markOf(claim.id);
      if (mark) {
        linkOf(mark).focus();
      }
      announce(`Claim #${claim.id}: ${answer.body.detail}`);
    } else {
      announce(`Claim #${claim.id} was not changed: ${answer.body.detail}`, true);
    }
    return answer.ok;
  }

  function closeForm() {
    formBox.replaceChildren();
  }

  function backToClaim() {
    closeForm();
    if (current) {
      linkOf(current).focus();
    }
  }

  function question(label, help) {
    const form = element("div", {class: "desk-question", role: "group", "aria-label": label});
    form.append(element("p", {class: "desk-question-title"}, label));
    if (help) {
      form.append(element("p", {class: "help"}, help));
    }
    form.addEventListener("input", () => {
      if (announceBox.classList.contains("desk-error")) {
        silence(); // the editor is answering what was asked
      }
    });
    form.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.preventDefault();
        backToClaim();
        announce("Nothing was changed.");
      }
    });
    formBox.replaceChildren(form);
    // The question in view, whatever the window's height: the page scrolls, the card sticks.
    window.requestAnimationFrame(() => formBox.scrollIntoView({block: "nearest"}));
    return form;
  }

  function buttons(form, label, onSubmit) {
    const row = element("p", {class: "desk-buttons"});
    const submit = element("button", {type: "button", class: "button default"}, label);
    submit.addEventListener("click", onSubmit);
    const cancel = element("button", {type: "button", class: "button"}, "Cancel (Esc)");
    cancel.addEventListener("click", backToClaim);
    row.append(submit, cancel);
    form.append(row);
  }

  function askReason() {
    const form = question("Why is this claim not checkable?", "Optional, and kept with the move. Enter marks it; Shift+Enter starts a new line.");
    const field = element("textarea", {id: "desk-reason", rows: "2", "aria-label": "Reason it is not checkable"});
    form.append(field);
    const submit = () => send("not-checkable", {reason: field.value});
    field.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey) {
        event.preventDefault();
        submit();
      }
    });
    buttons(form, "Mark not checkable", submit);
    field.focus();
  }

  function askReviewer() {
    const form = question("Assign to which reviewer?", "Arrows choose, Enter assigns.");
    if (!card.reviewers.length) {
      form.append(element("p", {class: "desk-none"}, "There is no active reviewer to assign."));
      buttons(form, "Assign", () => announce("Choose a reviewer first.", true));
      return;
    }
    const group = element("div", {class: "desk-reviewers", role: "radiogroup", "aria-label": "Reviewer"});
    card.reviewers.forEach((reviewer, index) => {
      const id = `desk-reviewer-${reviewer.id}`;
      const label = element("label", {for: id});
      const radio = element("input", {type: "radio", name: "desk-reviewer", id: id, value: reviewer.id});
      if (index === 0) {
        radio.checked = true;
      }
      label.append(radio, ` ${reviewer.name}`);
      group.append(label);
    });
    form.append(group);
    const submit = () => {
      const chosen = group.querySelector("input:checked");
      if (!chosen) {
        announce("Choose a reviewer first.", true);
        return;
      }
      send("assign", {reviewer: chosen.value});
    };
    group.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        submit();
      }
    });
    buttons(form, "Assign", submit);
    group.querySelector("input:checked").focus();
  }

  function askOriginal() {
    const form = question("Duplicate of which claim?", "Type words of the original or its number; arrows choose, Enter marks.");
    const list = element("ul", {id: "desk-originals", role: "listbox", class: "desk-originals", "aria-label": "Matching claims"});
    const field = element("input", {
      type: "search", id: "desk-original", role: "combobox", "aria-expanded": "false",
      "aria-controls": "desk-originals", "aria-autocomplete": "list", autocomplete: "off",
      "aria-label": "Original claim: words or number",
    });
    form.append(field, list);
    let options = [];
    let active = -1;
    let timer = null;
    let asked = 0;

    const highlight = (index) => {
      active = index;
      options.forEach((option, position) => option.setAttribute("aria-selected", String(position === index)));
      if (index >= 0) {
        field.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({block: "nearest"});
      } else {
        field.removeAttribute("aria-activedescendant");
      }
    };
    const choose = (id) => send("duplicate", {original: id});
    const search = async () => {
      const query = field.value.trim();
      const number = ++asked;
      const answer = await call(`${cardUrl(card.id, "originals/")}?q=${encodeURIComponent(query)}`);
      if (number !== asked) {
        return; // a newer search is under way
      }
      list.replaceChildren();
      options = [];
      if (!answer.ok) {
        announce(answer.body.detail, true);
        return;
      }
      answer.body.results.forEach((result) => {
        const option = element("li", {role: "option", id: `desk-original-${result.id}`, "aria-selected": "false", "data-id": result.id});
        option.append(element("strong", {}, `#${result.id}`), ` ${result.text} `,
          element("span", {class: "desk-quiet"}, `${result.status_label}${result.article ? " · " + result.article : ""}`));
        option.addEventListener("mousedown", (event) => {
          event.preventDefault();
          choose(result.id);
        });
        list.append(option);
        options.push(option);
      });
      field.setAttribute("aria-expanded", String(options.length > 0));
      highlight(options.length ? 0 : -1);
      if (query.length >= 2) {
        announce(options.length ? `${options.length} matching claim${options.length === 1 ? "" : "s"}.` : "No claim matches.");
      }
    };
    field.addEventListener("input", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(search, 200);
    });
    field.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown" && options.length) {
        event.preventDefault();
        highlight((active + 1) % options.length);
      } else if (event.key === "ArrowUp" && options.length) {
        event.preventDefault();
        highlight((active - 1 + options.length) % options.length);
      } else if (event.key === "Enter") {
        event.preventDefault();
        const typed = field.value.trim().replace(/^#/, "");
        if (active >= 0) {
          choose(options[active].dataset.id);
        } else if (/^\d+$/.test(typed)) {
          choose(typed);
        } else {
          announce("Choose the original claim first.", true);
        }
      }
    });
    buttons(form, "Mark duplicate", () => {
      const typed = field.value.trim().replace(/^#/, "");
      if (active >= 0) {
        choose(options[active].dataset.id);
      } else if (/^\d+$/.test(typed)) {
        choose(typed);
      } else {
        announce("Choose the original claim first.", true);
      }
    });
    field.focus();
  }

  // ---- A sentence the detector missed ----------------------------------------------------

  function pieceOf(node) {
    let element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    while (element && element.parentElement !== text) {
      element = element.parentElement;
    }
    return element && element.parentElement === text ? element : null;
  }

  // The server's offsets count characters (code points), as Python does; a string's length
  // counts UTF-16 units, two for an emoji. Every offset on this page is counted with this.
  function codePoints(string) {
    return [...string].length;
  }

  function charactersBefore(piece, node, offset) {
    const range = document.createRange();
    range.selectNodeContents(piece);
    range.setEnd(node, offset);
    return codePoints(range.toString());
  }

  // Where a selection's end point falls in article.body: {at} or {inside: mark}.
  function boundary(node, offset) {
    if (node === text) {
      const child = text.childNodes[offset];
      if (child && child.dataset) {
        return {at: Number(child.dataset.start)};
      }
      const last = text.lastElementChild;
      return {at: last ? Number(last.dataset.end) : 0};
    }
    const piece = pieceOf(node);
    if (!piece || piece.dataset.start === undefined) {
      return null;
    }
    const before = charactersBefore(piece, node, offset);
    if (piece.tagName === "MARK") {
      // Only a claim's very edges are outside it.
      if (before === 0) {
        return {at: Number(piece.dataset.start)};
      }
      if (before >= codePoints(piece.textContent)) {
        return {at: Number(piece.dataset.end)};
      }
      return {inside: piece};
    }
    return {at: Number(piece.dataset.start) + before};
  }

  function selectedRange() {
    const selection = window.getSelection();
    if (selection && selection.rangeCount && !selection.isCollapsed) {
      const range = selection.getRangeAt(0);
      if (text.contains(range.startContainer) && text.contains(range.endContainer)) {
        return range;
      }
    }
    return lastSelection;
  }

  document.addEventListener("selectionchange", () => {
    const selection = window.getSelection();
    if (selection && selection.rangeCount && !selection.isCollapsed) {
      const range = selection.getRangeAt(0);
      if (text.contains(range.startContainer) && text.contains(range.endContainer)) {
        lastSelection = range.cloneRange();
      }
    }
  });

  async function markMissed() {
    if (!makeClaim) {
      announce("Only editors can add claims the detector missed.", true);
      return;
    }
    const range = selectedRange();
    if (!range || !range.toString().trim()) {
      announce("Select the sentence in the article's text first, then press m.", true);
      return;
    }
    const start = boundary(range.startContainer, range.startOffset);
    const end = boundary(range.endContainer, range.endOffset);
    if (!start || !end) {
      announce("The selection is not in the article's text.", true);
      return;
    }
    const inside = start.inside || end.inside;
    if (inside) {
      announce(`The selection ${start.inside ? "starts" : "ends"} inside claim #${inside.dataset.claim}; select text outside the marked claims.`, true);
      return;
    }
    if (end.at <= start.at) {
      announce("Select the sentence in the article's text first, then press m.", true);
      return;
    }
    const answer = await call(desk.dataset.missedUrl, {start: start.at, end: end.at, text: range.toString()});
    if (!answer.ok) {
      announce(`No claim was made: ${answer.body.detail}`, true);
      return;
    }
    window.getSelection().removeAllRanges();
    lastSelection = null;
    text.innerHTML = answer.body.text; // rendered by the server, escaped there
    const mark = markOf(answer.body.claim.id);
    recount();
    if (mark) {
      current = null;
      await select(mark);
    }
    announce(answer.body.detail);
  }

  if (makeClaim) {
    // The button must not take the selection away before it is read.
    makeClaim.addEventListener("mousedown", (event) => event.preventDefault());
    makeClaim.addEventListener("click", () => enqueue(markMissed));
  }

  // ---- Keys, clicks and focus ------------------------------------------------------------

  function firstToTriage() {
    const all = marks();
    return all.find((mark) => mark.classList.contains("claim-state-new")) || all[0] || null;
  }

  function enqueue(task) {
    queue = queue.then(task).catch(() => announce("Something went wrong on this page; reload it.", true));
  }

  function step(direction) {
    const all = marks();
    if (!all.length) {
      announce("This article has no marked claims.", true);
      return undefined;
    }
    if (!current || !text.contains(current)) {
      return select(firstToTriage());
    }
    const next = all[all.indexOf(current) + direction];
    if (next) {
      return select(next);
    }
    announce(direction > 0 ? "That was the last claim of the article." : "This is the first claim of the article.");
    linkOf(current).focus();
    return undefined;
  }

  function isTyping(target) {
    return target instanceof HTMLElement &&
      (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
  }

  function toggleKeys() {
    if (keys.open) {
      keys.close();
    } else {
      keys.showModal();
    }
  }

  document.getElementById("desk-keys-close").addEventListener("click", () => keys.close());
  keys.addEventListener("close", () => {
    if (current) {
      linkOf(current).focus();
    }
  });

  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) {
      return;
    }
    if (keys.open) {
      if (event.key === "?") {
        event.preventDefault();
        keys.close();
      }
      return;
    }
    const key = event.key;
    if (key === "?") {
      event.preventDefault();
      toggleKeys();
      return;
    }
    if (key === "m") {
      event.preventDefault();
      enqueue(markMissed);
      return;
    }
    if (!["j", "k", "c", "n", "d", "a", "o"].includes(key)) {
      return;
    }
    event.preventDefault();
    enqueue(() => onKey(key));
  });

  async function onKey(key) {
    if (key === "j" || key === "k") {
      return step(key === "j" ? 1 : -1);
    }
    if (!current || !text.contains(current)) {
      // The first key of the morning chooses the claim to work on, and does nothing to it.
      const first = firstToTriage();
      if (first) {
        await select(first);
        announce(`Claim #${first.dataset.claim} chosen; press ${key} again to act on it.`);
      }
      return undefined;
    }
    if (!card || String(card.id) !== current.dataset.claim) {
      await load(current.dataset.claim);
    }
    if (key === "o") {
      window.location.href = card.url;
      return undefined;
    }
    return act({c: "checkable", n: "not-checkable", d: "duplicate", a: "assign"}[key]);
  }

  text.addEventListener("click", (event) => {
    const mark = event.target.closest("mark[data-claim]");
    // A mouse click chooses the claim; Enter on its link (detail 0) or a modified click opens it.
    if (!mark || event.detail === 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    event.preventDefault();
    if (mark !== current) {
      enqueue(() => select(mark));
    }
  });

  text.addEventListener("focusin", (event) => {
    const mark = event.target.closest("mark[data-claim]");
    if (mark && mark !== current) {
      enqueue(() => select(mark, {focus: false}));
    }
  });
})();
