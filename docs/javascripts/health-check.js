// The team health check (/health-check/): turns the worksheet into the check. Ratings, notes and history
// stay in this browser's localStorage (which also works for pages opened from file://); a share link
// carries its ratings after the "#", a part of the address that browsers never send to a server.
(function () {
  "use strict";

  var LEVELS = ["healthy", "some-concern", "at-risk"];
  var CODES = { healthy: "h", "some-concern": "s", "at-risk": "r", unknown: "u" };
  var PLAYS = { "at-risk": 3, "some-concern": 2 }; // plays offered per attribute, by level
  var KEY = "hb-health-check";
  var TEAM_KEY = "hb-health-check:team";
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

  // --- Pure functions: the same data in, the same answer out (window.hbHealthCheck, for tests) ---------

  function rank(level) { return LEVELS.indexOf(level); } // -1: don't know, or not rated

  // The attributes to work on, at risk first, each with the plays to run next. A play already offered
  // for an earlier attribute is not offered twice: the next one is, and the earlier one is named in `also`.
  function recommend(data, ratings) {
    var offered = {};
    return data.attributes
      .map(function (a, i) { return { a: a, i: i, level: ratings[a.id] }; })
      .filter(function (x) { return PLAYS[x.level]; })
      .sort(function (x, y) { return rank(y.level) - rank(x.level) || x.i - y.i; })
      .map(function (x) {
        var plays = [], also = [], wanted = PLAYS[x.level];
        x.a.plays.forEach(function (p) {
          if (offered[p.href]) { if (also.length + plays.length < wanted) also.push(p); }
          else if (plays.length < wanted) { plays.push(p); offered[p.href] = true; }
        });
        return { id: x.a.id, name: x.a.name, level: x.level, plays: plays, also: also };
      });
  }

  // Each attribute across members: how many gave each level, the team's level (the median of the known
  // ratings, the worse of the two middle ones on a tie) and whether the ratings run from healthy to at risk.
  function combine(data, members) {
    return data.attributes.map(function (a) {
      var counts = { healthy: 0, "some-concern": 0, "at-risk": 0, unknown: 0 }, known = [];
      members.forEach(function (m) {
        var level = m.ratings[a.id];
        if (rank(level) < 0) { counts.unknown++; } else { counts[level]++; known.push(rank(level)); }
      });
      known.sort();
      return {
        id: a.id, name: a.name, counts: counts,
        level: known.length ? LEVELS[known[known.length >> 1]] : "unknown",
        wide: known.length > 1 && known[known.length - 1] - known[0] === 2
      };
    });
  }

  function checksum(text) { // FNV-1a: catches a link that was cut short or edited, not a forger
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) { h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0; }
    return h.toString(36);
  }

  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  // A run's ratings as the code after "#hc=": format, length and checksum of the body, then the body,
  // base64url of JSON. A link cut short has a shorter body than it says; an edited one fails the checksum.
  function encode(data, run) {
    var r = {}, o = {};
    data.attributes.forEach(function (a) {
      if (own(CODES, run.ratings[a.id])) r[a.id] = CODES[run.ratings[a.id]];
      if (typeof run.notes[a.id] === "string" && run.notes[a.id].trim()) o[a.id] = run.notes[a.id].trim();
    });
    var bytes = new TextEncoder().encode(JSON.stringify({ k: data.key, d: run.date, n: run.name || "", r: r, o: o }));
    var body = btoa(String.fromCharCode.apply(null, bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    return [data.format, body.length.toString(36), checksum(body), body].join(".");
  }

  var BROKEN = {
    cut: "This share link is incomplete: it was probably cut short when it was copied. Ask for it again and copy all of it.",
    changed: "This share link was changed after it was made, so its ratings cannot be trusted. Ask for the link again.",
    newer: "This share link was made by a newer version of the health check. Reload this page, or ask which handbook it came from.",
    none: "This share link was made for a different set of attributes, and none of its ratings match this check. Ask for new ratings made on this page."
  };

  // { member } or { error }; a link from an earlier set of attributes keeps the ratings that still match, with a `notice`.
  function decode(data, code) {
    var m = /^(\d+)\.([0-9a-z]+)\.([0-9a-z]+)\.([A-Za-z0-9_-]*)$/.exec(code || "");
    var format = /^(\d+)\./.exec(code || "");
    if (format && format[1] !== String(data.format)) return { error: BROKEN.newer };
    if (!m) return { error: BROKEN.cut };
    var length = parseInt(m[2], 36);
    if (m[4].length < length) return { error: BROKEN.cut };
    if (m[4].length > length || checksum(m[4]) !== m[3]) return { error: BROKEN.changed };
    var raw;
    try {
      var bin = atob(m[4].replace(/-/g, "+").replace(/_/g, "/"));
      raw = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(bin, function (c) { return c.charCodeAt(0); })));
    } catch (e) { return { error: BROKEN.changed }; }
    if (!raw || typeof raw.r !== "object" || !raw.r || typeof raw.n !== "string" || raw.n.length > 60 ||
        !/^\d{4}-\d\d-\d\d$/.test(raw.d) || typeof raw.o !== "object" || !raw.o) return { error: BROKEN.changed };
    var levels = {}, notes = {}, ids = {}, matched = 0, gone = 0;
    data.attributes.forEach(function (a) { ids[a.id] = true; });
    for (var id in raw.r) {
      var level = Object.keys(CODES).filter(function (l) { return CODES[l] === raw.r[id]; })[0];
      if (!level) return { error: BROKEN.changed };
      if (own(ids, id)) { levels[id] = level; matched++; } else { gone++; }
      if (own(ids, id) && typeof raw.o[id] === "string") notes[id] = raw.o[id].slice(0, 500);
    }
    var member = { name: raw.n, date: raw.d, ratings: levels, notes: notes };
    if (raw.k === data.key) return { member: member };
    if (!matched) return { error: BROKEN.none };
    return { member: member, notice: "made with an earlier set of attributes: " + matched + " of its ratings match this check and are used, " +
      (data.attributes.length - matched) + " attributes it did not rate count as don't know, and " + gone + " ratings for attributes that are gone are left out." };
  }

  window.hbHealthCheck = { recommend: recommend, combine: combine, encode: encode, decode: decode };

  var root = document.querySelector("[data-hb-health-check]");
  var source = document.getElementById("hb-hc-data");
  if (!root || !source) return;
  var data = JSON.parse(source.textContent);
  var labels = data.labels;
  var store = (function () {
    try { localStorage.setItem(KEY + ":probe", "1"); localStorage.removeItem(KEY + ":probe"); return localStorage; } catch (e) { return null; }
  })();

  // --- Small helpers ----------------------------------------------------------------------

  function h(tag, attrs, children) { // an element; text is always set as text, never parsed as HTML
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { if (attrs[k] != null) node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { if (c != null) node.append(c); });
    return node;
  }
  function out(name) { return root.querySelector('[data-hb-out="' + name + '"]'); }
  function panel(name) { return root.querySelector('[data-hb-panel="' + name + '"]'); }
  function fill(node, children) { node.replaceChildren.apply(node, children.filter(Boolean)); return node; }
  function read(key, fallback) {
    try { var v = JSON.parse((store && store.getItem(key)) || "null"); return v && typeof v === "object" ? v : fallback; } catch (e) { return fallback; }
  }
  function write(key, value) {
    if (!store) return;
    try { store.setItem(key, JSON.stringify(value)); } catch (e) { /* full or refused: keep going for this visit */ }
  }
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }
  function longDate(iso) { var p = iso.split("-"); return +p[2] + " " + MONTHS[+p[1] - 1] + " " + p[0]; }
  function say(text, where) { out("status" + (where ? "-" + where : "")).textContent = text; }
  function shortDate(iso) { return longDate(iso).replace(/(\d+ \w{3})\w*/, "$1"); }
  function badge(level) { return h("span", { class: "hb-hc__badge hb-hc--" + level }, [labels[level]]); }
  function clean(ratings) { // only known levels survive a reload or an edited storage
    var kept = {};
    data.attributes.forEach(function (a) { if (ratings && own(CODES, ratings[a.id])) kept[a.id] = ratings[a.id]; });
    return kept;
  }
  function text(notes) { // notes as strings only, whatever the storage held
    var kept = {};
    data.attributes.forEach(function (a) { if (notes && typeof notes[a.id] === "string") kept[a.id] = notes[a.id].slice(0, 500); });
    return kept;
  }

  // --- State: the ratings being made, the saved runs, the team's links ---------------------------

  var state = read(KEY, {});
  var draft = { name: "", ratings: {}, notes: {} };
  if (state.draft) draft = { name: String(state.draft.name || "").slice(0, 60), ratings: clean(state.draft.ratings), notes: text(state.draft.notes) };
  var runs = (Array.isArray(state.runs) ? state.runs : []).filter(function (r) { return r && /^\d{4}-\d\d-\d\d$/.test(r.date); })
    .map(function (r) { return { date: r.date, name: String(r.name || "").slice(0, 60), team: r.team > 0 ? +r.team : 0, ratings: clean(r.ratings), notes: text(r.notes) }; });
  var saved = read(TEAM_KEY, []);
  var team = (Array.isArray(saved) ? saved : []).filter(function (c) { return typeof c === "string"; });
  var teamResult = null; // the team view's combined levels, to save as a team run

  function persist() { write(KEY, { draft: draft, runs: runs }); }

  // --- The form ------------------------------------------------------------------------------

  var name = root.querySelector("#hb-hc-name");
  name.value = draft.name;
  data.attributes.forEach(function (a) {
    var picked = root.querySelector('input[name="hb-hc-' + a.id + '"][value="' + (draft.ratings[a.id] || "") + '"]');
    if (picked) picked.checked = true;
    var note = root.querySelector("#hb-hc-" + a.id + "-note");
    if (note) note.value = draft.notes[a.id] || "";
  });
  root.addEventListener("input", function (event) {
    var t = event.target;
    if (t === name) draft.name = t.value.slice(0, 60);
    else if (t.classList.contains("hb-hc__pick")) draft.ratings[t.name.slice(6)] = t.value;
    else if (t.id && /-note$/.test(t.id) && t.closest(".hb-hc__attr")) draft.notes[t.closest(".hb-hc__attr").getAttribute("data-hb-attr")] = t.value.slice(0, 500);
    else return;
    persist();
    render();
  });

  // --- The result ------------------------------------------------------------------------------

  function playList(plays) {
    return h("ul", { class: "hb-hc__next" }, plays.map(function (p) {
      return h("li", {}, [h("a", { href: p.href }, [p.title]), " ", h("span", { class: "hb-hc__time" }, [p.kind + ", " + p.time])]);
    }));
  }
  function recList(items, notes) {
    return h("ol", { class: "hb-hc__recs" }, items.map(function (item) {
      return h("li", { class: "hb-hc__rec hb-hc--" + item.level }, [
        h("p", { class: "hb-hc__rec-head" }, [badge(item.level), " ", h("a", { href: "#" + item.id }, [item.name])]),
        notes && notes[item.id] ? h("p", { class: "hb-hc__quote" }, [notes[item.id]]) : null,
        item.plays.length ? playList(item.plays) : null,
        item.also.length ? h("p", { class: "hb-hc__also" }, ["Also helps here, offered above: " + item.also.map(function (p) { return p.title; }).join(", ") + "."]) : null
      ]);
    }));
  }
  function names(ids) {
    return ids.map(function (id) { return data.attributes.filter(function (a) { return a.id === id; })[0].name; }).join("; ");
  }
  function tally(ratings) {
    var counts = { "at-risk": 0, "some-concern": 0, healthy: 0, unknown: 0 };
    data.attributes.forEach(function (a) { if (ratings[a.id]) counts[ratings[a.id]]++; });
    return counts;
  }
  function tallyText(counts) {
    return ["at-risk", "some-concern", "healthy", "unknown"].map(function (l) { return counts[l] + " " + labels[l].toLowerCase(); }).join(", ");
  }

  function render() {
    var rated = Object.keys(draft.ratings).length;
    document.documentElement.classList.toggle("hb-hc-rated", rated > 0);
    panel("result").hidden = !rated;
    var items = recommend(data, draft.ratings);
    var by = function (level) { return data.attributes.filter(function (a) { return draft.ratings[a.id] === level; }).map(function (a) { return a.id; }); };
    var healthy = by("healthy"), unknown = by("unknown"), left = data.attributes.length - rated;
    fill(out("result"), [
      h("p", { class: "hb-hc__summary" }, [tallyText(tally(draft.ratings)) + (left ? "; " + left + " not rated yet." : ".")]),
      items.length ? recList(items, draft.notes) : h("p", {}, [rated ? "Nothing is at risk or of some concern. Keep the habits that got you here, and check again next quarter." : ""]),
      healthy.length ? h("p", {}, [h("strong", {}, ["Healthy: "]), names(healthy) + "."]) : null,
      unknown.length ? h("p", {}, [h("strong", {}, ["Don't know: "]), names(unknown) + ". Ask who would know, and rate these together."]) : null
    ]);
    renderPrint(items);
    renderHistory();
  }

  function renderPrint(items) {
    fill(out("print"), [
      h("p", { class: "hb-hc__print-title" }, [data.team + " · team health check · " + longDate(today()) + (draft.name ? " · " + draft.name : "")]),
      h("table", { class: "hb-hc__print-table" }, [h("tbody", {}, data.attributes.map(function (a) {
        var level = draft.ratings[a.id];
        var note = draft.notes[a.id] || ""; // cut, so that the page stays one page
        return h("tr", {}, [h("th", {}, [a.name]), h("td", {}, [level ? labels[level] : "not rated"]),
          h("td", {}, [note.length > 160 ? note.slice(0, 159) + "…" : note])]);
      }))]),
      items.length ? h("p", { class: "hb-hc__print-title" }, ["Plays to run next"]) : null,
      items.length ? h("ul", {}, items.map(function (item) {
        return h("li", {}, [h("strong", {}, [item.name + ": "]), item.plays.map(function (p) { return p.title + " – " + p.time; }).join("; ") || "see above"]);
      })) : null
    ]);
  }

  // --- History: one run a day, the latest save of the day wins ---------------------------------

  function renderHistory() {
    panel("history").hidden = !runs.length;
    if (!runs.length) return;
    var shown = runs.slice(-6), last = runs[runs.length - 1];
    var same = runs.filter(function (r) { return !r.team === !last.team; }), before = same[same.length - 2];
    var trend = function (id) {
      if (!before || rank(last.ratings[id]) < 0 || rank(before.ratings[id]) < 0) return "–";
      var d = rank(before.ratings[id]) - rank(last.ratings[id]);
      return d > 0 ? "↑ better" : d < 0 ? "↓ worse" : "= same";
    };
    var cell = function (level) { return h("td", {}, [level ? badge(level) : "–"]); };
    fill(out("history"), [
      h("p", {}, [runs.length + (runs.length === 1 ? " run saved" : " runs saved") + (runs.length > 6 ? ", the last six shown" : "") +
        ". The trend compares the last two " + (last.team ? "team results" : "runs of your own") + "; save again after the next check to see it move."]),
      h("div", { class: "hb-hc__scroll", tabindex: "0", role: "region", "aria-label": "Your saved runs" }, [h("table", { class: "hb-hc__history" }, [
        h("thead", {}, [h("tr", {}, [h("th", { scope: "col" }, ["Attribute"])].concat(shown.map(function (r) {
          return h("th", { scope: "col" }, [shortDate(r.date), r.team ? h("span", { class: "hb-hc__time" }, [" team of " + r.team]) : null]);
        }), [h("th", { scope: "col" }, ["Trend"])]))]),
        h("tbody", {}, data.attributes.map(function (a) {
          return h("tr", {}, [h("th", { scope: "row" }, [a.name])].concat(shown.map(function (r) { return cell(r.ratings[a.id]); }), [h("td", {}, [trend(a.id)])]));
        }))
      ])])
    ]);
  }

  function saveRun(run, where) { // a run a day of each kind (yours, the team's): the day's latest save wins
    runs = runs.filter(function (r) { return r.date !== run.date || !r.team !== !run.team; }).concat([run])
      .sort(function (a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : 0; }).slice(-40);
    persist();
    renderHistory();
    say("Saved as " + (run.team ? "the team's result" : "your run") + " of " + longDate(run.date) + ". Your history holds " +
      runs.length + (runs.length === 1 ? " run." : " runs."), where);
  }

  // --- Export: CSV and JSON of today's ratings and the saved runs -----------------------------

  function allRuns() {
    return runs.filter(function (r) { return r.team || r.date !== today(); }).concat([{ date: today(), name: draft.name, team: 0, ratings: draft.ratings, notes: draft.notes }]);
  }
  function download(text, type, ext) {
    var a = h("a", { href: URL.createObjectURL(new Blob([text], { type: type })), download: "health-check-" + today() + "." + ext });
    document.body.append(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }
  function csvCell(value) { // quoted; a formula-like start is defused, as in the handbook's other CSV
    var text = String(value == null ? "" : value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return '"' + text.replace(/"/g, '""') + '"';
  }
  function csv() {
    var rows = [["date", "name", "attribute_id", "attribute", "rating", "note"]];
    allRuns().forEach(function (r) {
      var who = r.team ? "team of " + r.team : r.name;
      data.attributes.forEach(function (a) { rows.push([r.date, who, a.id, a.name, r.ratings[a.id] ? labels[r.ratings[a.id]] : "", r.notes[a.id] || ""]); });
    });
    return rows.map(function (row) { return row.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }
  function json() {
    return JSON.stringify({ check: "team health check", team: data.team, attributes: data.attributes.map(function (a) { return { id: a.id, name: a.name }; }),
      runs: allRuns() }, null, 2) + "\n";
  }

  // --- Sharing and the team view -----------------------------------------------------------------

  function shareLink() {
    var link = location.href.split("#")[0] + "#hc=" + encode(data, { date: today(), name: draft.name, ratings: draft.ratings, notes: draft.notes });
    var field = root.querySelector("#hb-hc-link");
    out("share").hidden = false;
    field.value = link;
    field.focus();
    field.select();
  }
  // The code of a share link, pasted whole or opened; punctuation a chat app adds at its end is dropped.
  function codeOf(link) { var at = link.indexOf("#hc="); return at < 0 ? null : link.slice(at + 4).trim().replace(/[^A-Za-z0-9_-]+$/, ""); }

  function message(text, kind, more) {
    var box = out("message");
    box.className = "hb-hc__message hb-web-only admonition " + (kind || "warning");
    fill(box, text ? [h("p", {}, [text, more ? " " : null, more])] : []);
    box.hidden = !text;
  }

  function addCodes(codes) { // [problems]; adds the valid codes that are not in the team view yet
    var problems = [];
    codes.forEach(function (code, n) {
      var found = decode(data, code);
      if (found.error) problems.push((codes.length > 1 ? "Link " + (n + 1) + ": " : "") + found.error);
      else if (team.indexOf(code) < 0) team.push(code);
    });
    team = team.slice(-50);
    write(TEAM_KEY, team);
    renderTeam();
    return problems;
  }

  function renderTeam() {
    var members = [], notices = [];
    team.forEach(function (code) {
      var found = decode(data, code);
      if (found.member) {
        members.push(found.member);
        if (found.notice) notices.push((found.member.name || "Member " + members.length) + "'s link was " + found.notice);
      }
    });
    var who = function (m, i) { return m.name || "Member " + (i + 1); };
    if (!members.length) { fill(out("team"), [h("p", {}, ["No ratings in the team view yet."])]); return; }
    var rows = combine(data, members), wide = rows.filter(function (r) { return r.wide; });
    var levels = {};
    rows.forEach(function (r) { levels[r.id] = r.level; });
    fill(out("team"), [
      h("p", {}, [members.length + (members.length === 1 ? " set of ratings: " : " sets of ratings: ")].concat(members.map(function (m, i) {
        return h("span", { class: "hb-hc__member" }, [who(m, i) + " (" + longDate(m.date) + ") ",
          h("button", { type: "button", class: "hb-hc__remove", "data-hb-remove": String(i), "aria-label": "Remove " + who(m, i) + "'s ratings" }, ["Remove"])]);
      }))),
      notices.length ? h("div", { class: "admonition note" }, notices.map(function (n) { return h("p", {}, [n]); })) : null,
      wide.length ? h("div", { class: "admonition warning hb-hc__flag" }, [h("p", {}, [h("strong", {}, ["Talk about these first. "]),
        "Some of you rate them healthy and others at risk, so you have seen different things: " + wide.map(function (r) { return r.name; }).join("; ") + "."])]) : null,
      h("h3", { id: "team-spread" }, ["The spread for each attribute"]),
      h("ul", { class: "hb-hc__spread" }, rows.map(function (r) {
        var total = members.length;
        var notes = members.map(function (m, i) { return m.notes[r.id] ? who(m, i) + ": " + m.notes[r.id] : null; }).filter(Boolean);
        return h("li", { class: r.wide ? "hb-hc__wide" : null }, [
          h("p", { class: "hb-hc__rec-head" }, [r.wide ? h("span", { class: "hb-hc__badge hb-hc--wide" }, ["Wide spread"]) : null, h("a", { href: "#" + r.id }, [r.name])]),
          h("div", { class: "hb-hc__bar", "aria-hidden": "true" }, LEVELS.concat(["unknown"]).map(function (l) {
            return r.counts[l] ? h("span", { class: "hb-hc--" + l, style: "width:" + (100 * r.counts[l] / total) + "%" }) : null;
          })),
          h("p", { class: "hb-hc__counts" }, [LEVELS.concat(["unknown"]).map(function (l) { return r.counts[l] + " " + labels[l].toLowerCase(); }).join(" · ") +
            ". Team: " + (r.level === "unknown" ? "no rating yet" : labels[r.level].toLowerCase()) + "."]),
          notes.length ? h("ul", { class: "hb-hc__notes" }, notes.map(function (n) { return h("li", {}, [n]); })) : null
        ]);
      })),
      h("h3", { id: "team-plays" }, ["The team's plays to run next"]),
      recommend(data, levels).length ? recList(recommend(data, levels)) : h("p", {}, ["The team rates nothing at risk or of some concern."]),
      h("p", { class: "hb-hc__buttons" }, [h("button", { type: "button", class: "md-button", "data-hb-act": "team-save" }, ["Save the team's result to my history"])])
    ]);
    teamResult = { date: today(), name: "", team: members.length, ratings: levels, notes: {} };
  }

  // --- Buttons ---------------------------------------------------------------------------------

  var actions = {
    show: function () { render(); var heading = root.querySelector("#your-result"); if (!panel("result").hidden) heading.focus(); else say("Rate at least one attribute to see a result."); },
    clear: function () {
      draft = { name: draft.name, ratings: {}, notes: {} };
      root.querySelectorAll(".hb-hc__pick").forEach(function (i) { i.checked = false; });
      root.querySelectorAll(".hb-hc__attr textarea").forEach(function (t) { t.value = ""; });
      persist(); render(); say("Your ratings are cleared; your saved history is kept.");
    },
    save: function () { saveRun({ date: today(), name: draft.name, team: 0, ratings: Object.assign({}, draft.ratings), notes: Object.assign({}, draft.notes) }, "result"); },
    "team-save": function () {
      var ratings = {};
      Object.keys(teamResult.ratings).forEach(function (id) { if (teamResult.ratings[id] !== "unknown") ratings[id] = teamResult.ratings[id]; });
      saveRun(Object.assign({}, teamResult, { ratings: ratings }), "team");
    },
    share: shareLink,
    copy: function () {
      var field = root.querySelector("#hb-hc-link");
      field.select();
      var done = function () { say("The link is copied: send it to whoever runs the team view.", "result"); };
      var manual = function () { say("Copy the selected link with Ctrl+C or Cmd+C.", "result"); };
      if (navigator.clipboard) navigator.clipboard.writeText(field.value).then(done, manual); else manual();
    },
    csv: function () { download(csv(), "text/csv;charset=utf-8", "csv"); },
    json: function () { download(json(), "application/json", "json"); },
    print: function () { window.print(); },
    forget: function () { runs = []; persist(); renderHistory(); say("Your history is deleted."); },
    add: function () {
      var box = root.querySelector("#hb-hc-links"), lines = box.value.split(/\s+/).filter(Boolean);
      var problems = lines.filter(function (l) { return codeOf(l) === null; }).length ? ["Only links made by Share my ratings on this page can be added."] : [];
      problems = problems.concat(addCodes(lines.map(codeOf).filter(function (c) { return c !== null; })));
      message(problems.join(" "));
      if (!problems.length) box.value = "";
      say(team.length + (team.length === 1 ? " set" : " sets") + " of ratings in the team view.", "team");
    },
    "team-clear": function () { team = []; write(TEAM_KEY, team); renderTeam(); message(""); say("The team view is cleared.", "team"); }
  };
  root.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    if (button.hasAttribute("data-hb-remove")) {
      var kept = team.filter(function (c) { return decode(data, c).member; });
      team = kept.filter(function (c, i) { return String(i) !== button.getAttribute("data-hb-remove"); });
      write(TEAM_KEY, team);
      renderTeam();
      return;
    }
    var act = actions[button.getAttribute("data-hb-act")];
    if (act) act();
  });

  // --- Start: show the script's parts, then read a share link in the address, if any -----------------

  root.classList.add("hb-hc--live");
  root.querySelectorAll(".hb-hc__who, .hb-hc__actions").forEach(function (node) { node.hidden = false; });
  panel("team").hidden = false;
  if (!store) say("This browser does not let the page keep your ratings: they will be gone when you leave, so save them as CSV or JSON.");
  render();
  renderTeam();
  var code = codeOf(location.hash);
  if (code !== null) {
    var problems = addCodes([code]), found = decode(data, code);
    if (problems.length) message(problems[0]);
    else {
      message("You opened " + (found.member.name ? found.member.name + "'s" : "someone's") + " ratings of " + longDate(found.member.date) +
        ". They are now in the team view below" + (found.notice ? "; the link was " + found.notice : "."), "info",
        h("a", { href: "#team-view" }, ["Go to the team view"]));
    }
    out("message").scrollIntoView({ block: "center" });
  }
})();
