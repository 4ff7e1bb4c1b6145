// The team health check (/health-check/): turns the worksheet into the check. Ratings, notes and history
// stay in this browser's localStorage (which also works for pages opened from file://); a share link
// carries its ratings after the "#", a part of the address that browsers never send to a server.
(function () {
  "use strict";

  var LEVELS = ["healthy", "some-concern", "at-risk"];
  var CODES = { healthy: "h", "some-concern": "s", "at-risk": "r", unknown: "u" };
  var DIRECTIONS = ["improving", "stable", "worse"];
  var DIR_CODES = { improving: "i", stable: "s", worse: "w" };
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
    var r = {}, o = {}, t = {}, moved = false;
    data.attributes.forEach(function (a) {
      if (own(CODES, run.ratings[a.id])) r[a.id] = CODES[run.ratings[a.id]];
      if (typeof run.notes[a.id] === "string" && run.notes[a.id].trim()) o[a.id] = run.notes[a.id].trim();
      if (own(DIR_CODES, (run.directions || {})[a.id])) { t[a.id] = DIR_CODES[run.directions[a.id]]; moved = true; }
    });
    var payload = { k: data.key, d: run.date, n: run.name || "", r: r, o: o };
    if (moved) payload.t = t; // directions, when there are any: a link without them reads as before
    var bytes = new TextEncoder().encode(JSON.stringify(payload));
    var body = btoa(String.fromCharCode.apply(null, bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    return [data.format, body.length.toString(36), checksum(body), body].join(".");
  }

  // A real day of the calendar, written YYYY-MM-DD: 2027-02-45, 2027-02-29 and 2026-13-01 are not.
  function realDate(iso) {
    var m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(typeof iso === "string" ? iso : "");
    if (!m || +m[1] < 1 || +m[2] < 1 || +m[2] > 12 || +m[3] < 1) return false;
    return +m[3] <= new Date(Date.UTC(+m[1], +m[2], 0)).getUTCDate();
  }

  var BROKEN = {
    empty: "This share link ends right after \u201c#hc=\u201d: the ratings that should follow are missing. Ask for the link again and copy all of it.",
    notlink: "This is not a share link of the health check: what follows \u201c#hc=\u201d is not a set of ratings. Ask for the link made by \u201cShare my ratings\u201d.",
    cut: "This share link is incomplete: it was probably cut short when it was copied. Ask for it again and copy all of it.",
    changed: "This share link was changed after it was made, so its ratings cannot be trusted. Ask for the link again.",
    newer: "This share link was made by a newer version of the health check. Reload this page, or ask which handbook it came from.",
    none: "This share link was made for a different set of attributes, and none of its ratings match this check. Ask for new ratings made on this page.",
    date: function (d) { return "This share link is dated " + String(d).slice(0, 20) + ", which is not a real calendar date, so its ratings cannot be trusted. Ask for the link again."; }
  };

  function levelOf(code) { return Object.keys(CODES).filter(function (l) { return CODES[l] === code; })[0]; }
  function directionOf(code) { return DIRECTIONS.filter(function (d) { return DIR_CODES[d] === code; })[0]; }

  // { member } or { error }; a link from an earlier set of attributes keeps the ratings that still match, with a `notice`.
  function decode(data, code) {
    code = code || "";
    if (!code) return { error: BROKEN.empty };
    var format = /^(\d+)\./.exec(code);
    if (!format) return { error: BROKEN.notlink };
    if (format[1] !== String(data.format)) return { error: BROKEN.newer };
    var m = /^(\d+)\.([0-9a-z]+)\.([0-9a-z]+)\.([A-Za-z0-9_-]*)$/.exec(code);
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
        typeof raw.o !== "object" || !raw.o || (raw.t != null && typeof raw.t !== "object")) return { error: BROKEN.changed };
    if (!realDate(raw.d)) return { error: BROKEN.date(raw.d) };
    var levels = {}, notes = {}, directions = {}, ids = {}, matched = 0, gone = 0;
    data.attributes.forEach(function (a) { ids[a.id] = true; });
    for (var id in raw.r) {
      var level = levelOf(raw.r[id]);
      if (!level) return { error: BROKEN.changed };
      if (own(ids, id)) { levels[id] = level; matched++; } else { gone++; }
      if (own(ids, id) && typeof raw.o[id] === "string") notes[id] = raw.o[id].slice(0, 500);
    }
    for (var t in raw.t || {}) { if (own(ids, t) && directionOf(raw.t[t])) directions[t] = directionOf(raw.t[t]); }
    var member = { name: raw.n, date: raw.d, ratings: levels, notes: notes, directions: directions };
    if (raw.k === data.key) return { member: member };
    if (!matched) return { error: BROKEN.none };
    return { member: member, notice: "made with an earlier set of attributes: " + matched + " of its ratings match this check and are used, " +
      (data.attributes.length - matched) + " attributes it did not rate count as don't know, and " + gone + " ratings for attributes that are gone are left out." };
  }

  // The team from its members' share codes, each person once: of two links with the same name (letter case and
  // spaces aside), the later-dated one counts, or on the same day the one added last; an identical link counts once.
  // { members: [{code, member, notice}], replaced: [{name, kept, dropped}], broken: [code] }
  function gather(data, codes) {
    var members = [], replaced = [], broken = [];
    codes.forEach(function (code) {
      var found = decode(data, code);
      if (!found.member) { broken.push(code); return; }
      var key = found.member.name.trim().toLowerCase().replace(/\s+/g, " ");
      var same = members.filter(function (m) { return m.code === code || (key && m.key === key); })[0];
      var entry = { code: code, member: found.member, notice: found.notice, key: key };
      if (!same) { members.push(entry); return; }
      if (same.code === code) return;
      var newer = found.member.date >= same.member.date;
      replaced.push({ name: found.member.name.trim(), kept: newer ? found.member.date : same.member.date, dropped: newer ? same.member.date : found.member.date });
      if (newer) members[members.indexOf(same)] = entry;
    });
    return { members: members, replaced: replaced, broken: broken };
  }

  // The day most members rated on (the later one of a tie) and the members who rated on another day.
  function sessionDay(members) {
    var count = {};
    members.forEach(function (m) { count[m.date] = (count[m.date] || 0) + 1; });
    var day = Object.keys(count).sort(function (a, b) { return count[b] - count[a] || (a < b ? 1 : -1); })[0];
    return { day: day, others: members.filter(function (m) { return m.date !== day; }) };
  }

  // How each attribute moves, as the members see it: counts of each direction and the most named one (none on a tie).
  function directions(data, members) {
    var found = {};
    data.attributes.forEach(function (a) {
      var counts = { improving: 0, stable: 0, worse: 0 };
      members.forEach(function (m) { var d = (m.directions || {})[a.id]; if (own(counts, d)) counts[d]++; });
      var top = DIRECTIONS.slice().sort(function (x, y) { return counts[y] - counts[x]; });
      found[a.id] = { counts: counts, direction: counts[top[0]] && counts[top[0]] > counts[top[1]] ? top[0] : null };
    });
    return found;
  }

  // The change of each attribute from an earlier result to a later one: "better", "worse", "same", or null when
  // either has no rating for it.
  function trend(data, before, after) {
    var out = {};
    data.attributes.forEach(function (a) {
      var x = rank(before && before[a.id]), y = rank(after && after[a.id]);
      out[a.id] = x < 0 || y < 0 ? null : x > y ? "better" : x < y ? "worse" : "same";
    });
    return out;
  }

  // A team's exported JSON, as the overview reads it: { team } or { error }. Exports of another check's attributes
  // keep the attributes that match.
  function readExport(data, text) {
    var raw;
    try { raw = JSON.parse(text); } catch (e) { return { error: "it is not JSON: choose the file made by \u201cDownload the team's JSON\u201d." }; }
    if (!raw || typeof raw !== "object" || raw.format !== data.export.format) {
      return { error: raw && Array.isArray(raw.runs) ? "it is one person's export, not a team's: download the team's JSON from the team view." :
        "it is not a team export of the health check." };
    }
    if (typeof raw.version !== "number" || raw.version % 1 || raw.version < 1) return { error: "its format version is missing or not a whole number." };
    if (raw.version > data.export.version) return { error: "it was made by a newer version of the health check (format version " + raw.version + "). Reload this page." };
    if (!realDate(raw.date)) return { error: "its date, " + String(raw.date).slice(0, 20) + ", is not a real calendar date." };
    if (!Array.isArray(raw.attributes) || !Array.isArray(raw.members)) return { error: "it has no attributes or no members: it was changed after it was made." };
    var levels = {}, trends = {}, known = 0;
    raw.attributes.forEach(function (a) {
      if (!a || !data.attributes.some(function (x) { return x.id === a.id; })) return;
      if (own(CODES, a.level)) { levels[a.id] = a.level; known++; }
      if (a.trend === "better" || a.trend === "worse" || a.trend === "same") trends[a.id] = a.trend;
    });
    if (!known) return { error: "none of its attributes match this check." };
    var history = (Array.isArray(raw.history) ? raw.history : []).filter(function (h) { return h && realDate(h.date) && h.date < raw.date && h.ratings; });
    var name = typeof raw.team === "string" && raw.team.trim() ? raw.team.trim().slice(0, 60) : "";
    return { team: { name: name, date: raw.date, size: raw.members.length, levels: levels, trend: trends, history: history } };
  }

  // Several teams side by side: each team's latest export (teams are told apart by name), its trend against its own
  // earlier export or saved result, and the attributes at risk in more than one team.
  function overview(data, teams) {
    var byName = {}, order = [];
    teams.forEach(function (t) {
      if (!own(byName, t.name)) { byName[t.name] = []; order.push(t.name); }
      byName[t.name].push(t);
    });
    var rows = order.map(function (name) {
      var all = byName[name].slice().sort(function (a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : 0; });
      var last = all[all.length - 1], earlier = all[all.length - 2];
      var before = earlier ? earlier.levels : (last.history[last.history.length - 1] || {}).ratings;
      var moved = before ? trend(data, before, last.levels) : last.trend;
      return { name: name, date: last.date, size: last.size, levels: last.levels, trend: moved || {} };
    });
    var atRisk = data.attributes.map(function (a) {
      return { id: a.id, name: a.name, teams: rows.filter(function (r) { return r.levels[a.id] === "at-risk"; }).map(function (r) { return r.name; }) };
    }).filter(function (a) { return a.teams.length > 1; });
    return { teams: rows, atRisk: atRisk };
  }

  window.hbHealthCheck = {
    recommend: recommend, combine: combine, encode: encode, decode: decode,
    realDate: realDate, gather: gather, sessionDay: sessionDay, directions: directions, trend: trend, readExport: readExport, overview: overview
  };

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
  // A panel shown or hidden, and its heading's entry in the page's table of contents with it (no entry leads nowhere).
  function reveal(name, shown) {
    var node = panel(name), heading = node.querySelector("h2[id]");
    node.hidden = !shown;
    document.querySelectorAll('.md-nav--secondary a[href="#' + (heading ? heading.id : "") + '"]').forEach(function (a) {
      var item = a.closest("li"); if (item) item.hidden = !shown;
    });
  }
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
  function longDate(iso) { var p = iso.split("-"); return +p[2] + " " + MONTHS[+p[1] - 1] + " " + p[0]; } // only of a realDate
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
  function moves(found) { // directions: only the three known ones
    var kept = {};
    data.attributes.forEach(function (a) { if (found && own(DIR_CODES, found[a.id])) kept[a.id] = found[a.id]; });
    return kept;
  }
  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }
  function listed(items) { return items.length < 2 ? items.join("") : items.slice(0, -1).join(", ") + " and " + items[items.length - 1]; }
  function arrow(moved) { return moved === "better" ? "↑ better" : moved === "worse" ? "↓ worse" : moved === "same" ? "= same" : "–"; }
  // A box of messages next to the control that caused them, read out by screen readers (the box is aria-live).
  function tell(where, lines, kind) {
    var box = out(where);
    fill(box, lines.length ? [h("div", { class: "admonition " + (kind || "info") }, lines.map(function (l) { return h("p", {}, [l]); }))] : []);
  }

  // --- State: the ratings being made, the saved runs, the team's links ---------------------------

  var state = read(KEY, {});
  var draft = { date: "", saved: "", name: "", ratings: {}, notes: {}, directions: {} };
  if (state.draft) {
    draft = { date: realDate(state.draft.date) ? state.draft.date : "", saved: realDate(state.draft.saved) ? state.draft.saved : "",
      name: String(state.draft.name || "").slice(0, 60), ratings: clean(state.draft.ratings), notes: text(state.draft.notes), directions: moves(state.draft.directions) };
  }
  var refused = []; // saved runs whose date is not a real one: left out, and said so under the history
  var runs = (Array.isArray(state.runs) ? state.runs : []).filter(function (r) {
    if (r && realDate(r.date)) return true;
    if (r && r.date) refused.push(String(r.date).slice(0, 20));
    return false;
  }).map(function (r) {
    return { date: r.date, name: String(r.name || "").slice(0, 60), team: r.team > 0 ? +r.team : 0, ratings: clean(r.ratings), notes: text(r.notes), directions: moves(r.directions) };
  });
  // Notes belong to their run: once a run is saved, a later day starts a new one without them (they stay in the history).
  // A draft from before drafts kept their dates counts as saved when the last run of your own holds the same notes.
  var mine = runs.filter(function (r) { return !r.team; }), lastOwn = mine[mine.length - 1];
  var startedOver = "";
  if (draft.saved ? draft.saved < today() : !draft.date && lastOwn && lastOwn.date < today() && Object.keys(draft.notes).length && same(lastOwn.notes, draft.notes)) {
    startedOver = draft.saved || lastOwn.date;
    draft = { date: "", saved: "", name: draft.name, ratings: draft.ratings, notes: {}, directions: {} };
  }
  var saved = read(TEAM_KEY, null);
  var teamState = Array.isArray(saved) ? { codes: saved } : saved || {}; // an array: the team view as it was stored before
  teamState = {
    codes: (Array.isArray(teamState.codes) ? teamState.codes : []).filter(function (c) { return typeof c === "string"; }).slice(-50),
    replaced: (Array.isArray(teamState.replaced) ? teamState.replaced : []).filter(function (r) { return r && typeof r.name === "string" && realDate(r.kept) && realDate(r.dropped); }),
    hide: teamState.hide === true, revealed: teamState.revealed === true, name: String(teamState.name || "").slice(0, 60)
  };
  var teamResult = null; // the team view's combined levels, to save as a team run
  var teams = []; // the overview's teams, as read from their files (for this visit only)

  function persist() { write(KEY, { draft: draft, runs: runs }); }
  function persistTeam() { write(TEAM_KEY, teamState); }
  // One entry per person: a later link from the same name replaces an earlier one, and the replacement is noted.
  function compact() {
    var g = gather(data, teamState.codes);
    teamState.codes = g.members.map(function (m) { return m.code; });
    teamState.replaced = teamState.replaced.concat(g.replaced).slice(-20);
    persistTeam();
    return g;
  }

  // --- The form ------------------------------------------------------------------------------

  var name = root.querySelector("#hb-hc-name");
  name.value = draft.name;
  data.attributes.forEach(function (a) {
    var picked = root.querySelector('input[name="hb-hc-' + a.id + '"][value="' + (draft.ratings[a.id] || "") + '"]');
    if (picked) picked.checked = true;
    var moved = root.querySelector('input[name="hb-hc-' + a.id + '-dir"][value="' + (draft.directions[a.id] || "") + '"]');
    if (moved) moved.checked = true;
    var note = root.querySelector("#hb-hc-" + a.id + "-note");
    if (note) note.value = draft.notes[a.id] || "";
  });
  var teamName = root.querySelector("#hb-hc-team-name"), hide = root.querySelector("#hb-hc-hide");
  teamName.value = teamState.name;
  hide.checked = teamState.hide;
  root.addEventListener("input", function (event) {
    var t = event.target, attr = t.closest(".hb-hc__attr");
    if (t === teamName) { teamState.name = t.value.slice(0, 60); persistTeam(); return; }
    if (t === name) draft.name = t.value.slice(0, 60);
    else if (t.classList.contains("hb-hc__pick")) draft.ratings[t.name.slice(6)] = t.value;
    else if (t.classList.contains("hb-hc__dir-pick") && attr) draft.directions[attr.getAttribute("data-hb-attr")] = t.value;
    else if (t.id && /-note$/.test(t.id) && attr) draft.notes[attr.getAttribute("data-hb-attr")] = t.value.slice(0, 500);
    else return;
    draft.date = today();
    persist();
    render();
  });
  hide.addEventListener("change", function () {
    teamState.hide = hide.checked;
    persistTeam();
    renderTeam();
    say(hide.checked ? (teamState.revealed ? "The ratings are already revealed; they stay hidden from the next session on." :
      "The members' ratings stay hidden until you reveal them.") : "The members' ratings are shown as they come in.", "team");
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
    reveal("result", rated > 0);
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

  function cut(note, size) { return note.length > size ? note.slice(0, size - 1) + "…" : note; } // so that a printed page stays one page
  function renderPrint(items) {
    fill(out("print"), [
      h("p", { class: "hb-hc__print-title" }, [data.team + " · team health check · " + longDate(today()) + (draft.name ? " · " + draft.name : "")]),
      h("table", { class: "hb-hc__print-table" }, [h("tbody", {}, data.attributes.map(function (a) {
        var level = draft.ratings[a.id], moved = draft.directions[a.id];
        return h("tr", {}, [h("th", {}, [a.name]), h("td", {}, [(level ? labels[level] : "not rated") + (moved ? ", " + data.directions[moved].toLowerCase() : "")]),
          h("td", {}, [cut(draft.notes[a.id] || "", 160)])]);
      }))]),
      items.length ? h("p", { class: "hb-hc__print-title" }, ["Plays to run next"]) : null,
      items.length ? h("ul", {}, items.map(function (item) {
        return h("li", {}, [h("strong", {}, [item.name + ": "]), item.plays.map(function (p) { return p.title + " – " + p.time; }).join("; ") || "see above"]);
      })) : null
    ]);
  }

  // --- History: one run a day, the latest save of the day wins ---------------------------------

  function renderHistory() {
    reveal("history", runs.length > 0 || refused.length > 0);
    var left = refused.length ? h("p", { class: "admonition warning" }, [plural(refused.length, "saved run was", "saved runs were") + " left out: " +
      listed(refused) + (refused.length === 1 ? " is" : " are") + " not a real calendar date, so the browser's storage was changed by something other than this page."]) : null;
    if (!runs.length) { fill(out("history"), [left]); return; }
    var shown = runs.slice(-6), last = runs[runs.length - 1];
    var kind = runs.filter(function (r) { return !r.team === !last.team; }), before = kind[kind.length - 2];
    var moved = trend(data, before && before.ratings, last.ratings);
    var cell = function (level) { return h("td", {}, [level ? badge(level) : "–"]); };
    // The trend comes right after the attribute, so that a phone shows it without scrolling the table.
    fill(out("history"), [
      left,
      h("p", {}, [plural(runs.length, "run saved", "runs saved") + (runs.length > 6 ? ", the last six shown" : "") +
        ". The trend compares the last two " + (last.team ? "team results" : "runs of your own") + "; save again after the next check to see it move."]),
      h("div", { class: "hb-hc__scroll", tabindex: "0", role: "region", "aria-label": "Your saved runs" }, [h("table", { class: "hb-hc__history" }, [
        h("thead", {}, [h("tr", {}, [h("th", { scope: "col" }, ["Attribute"]), h("th", { scope: "col" }, ["Trend"])].concat(shown.map(function (r) {
          return h("th", { scope: "col" }, [shortDate(r.date), r.team ? h("span", { class: "hb-hc__time" }, [" team of " + r.team]) : null]);
        })))]),
        h("tbody", {}, data.attributes.map(function (a) {
          return h("tr", {}, [h("th", { scope: "row" }, [a.name]), h("td", { class: "hb-hc__trend" }, [before ? arrow(moved[a.id]) : "–"])]
            .concat(shown.map(function (r) { return cell(r.ratings[a.id]); })));
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
      plural(runs.length, "run.", "runs."), where);
  }

  // --- Export: CSV and JSON, yours and the team's ---------------------------------------------

  function allRuns() {
    return runs.filter(function (r) { return r.team || r.date !== today(); })
      .concat([{ date: today(), name: draft.name, team: 0, ratings: draft.ratings, notes: draft.notes, directions: draft.directions }]);
  }
  function fileName(what, ext) {
    var slug = (what || "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40);
    return "health-check-" + (slug ? slug + "-" : "") + today() + "." + ext;
  }
  function download(body, type, file) {
    var a = h("a", { href: URL.createObjectURL(new Blob([body], { type: type })), download: file });
    document.body.append(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }
  function csvCell(value) { // quoted; a formula-like start is defused, as in the handbook's other CSV
    var cell = String(value == null ? "" : value);
    if (/^[=+\-@\t\r]/.test(cell)) cell = "'" + cell;
    return '"' + cell.replace(/"/g, '""') + '"';
  }
  function csvText(rows) { return rows.map(function (row) { return row.map(csvCell).join(","); }).join("\r\n") + "\r\n"; }
  function direction(d) { return d ? data.directions[d] : ""; }
  function csv() {
    var rows = [["date", "name", "attribute_id", "attribute", "rating", "note", "direction"]];
    allRuns().forEach(function (r) {
      var who = r.team ? "team of " + r.team : r.name;
      data.attributes.forEach(function (a) {
        rows.push([r.date, who, a.id, a.name, r.ratings[a.id] ? labels[r.ratings[a.id]] : "", r.notes[a.id] || "", direction((r.directions || {})[a.id])]);
      });
    });
    return csvText(rows);
  }
  function json() {
    return JSON.stringify({ format: "hb-health-check-runs", version: 1, check: "team health check", team: data.team,
      attributes: data.attributes.map(function (a) { return { id: a.id, name: a.name }; }), runs: allRuns() }, null, 2) + "\n";
  }

  // The team view as data: what it shows, what its exports hold and what its printout lists.
  function teamRecord() {
    var g = gather(data, teamState.codes), members = g.members.map(function (m) { return m.member; });
    var rows = combine(data, members), dirs = directions(data, members), levels = {};
    rows.forEach(function (r) { levels[r.id] = r.level; });
    var earlier = runs.filter(function (r) { return r.team && r.date < today(); }), previous = earlier[earlier.length - 1];
    return { gather: g, members: members, rows: rows, dirs: dirs, levels: levels, items: recommend(data, levels),
      moved: previous ? trend(data, previous.ratings, levels) : {}, previous: previous };
  }
  function who(m, i) { return m.name || "Member " + (i + 1); }
  function spreadText(r) { return LEVELS.concat(["unknown"]).map(function (l) { return r.counts[l] + " " + labels[l].toLowerCase(); }).join(" · "); }
  function dirText(d) {
    return DIRECTIONS.some(function (x) { return d.counts[x]; }) ?
      DIRECTIONS.map(function (x) { return d.counts[x] + " " + data.directions[x].toLowerCase(); }).join(" · ") : "";
  }
  function teamJson(t) {
    return JSON.stringify({
      format: data.export.format, version: data.export.version, check: "team health check", handbook: data.team, key: data.key,
      team: teamState.name, date: today(),
      members: t.members.map(function (m, i) { return { name: who(m, i), date: m.date, ratings: m.ratings, notes: m.notes, directions: m.directions || {} }; }),
      attributes: t.rows.map(function (r) {
        return { id: r.id, name: r.name, level: r.level, counts: r.counts, wide: r.wide, directions: t.dirs[r.id].counts,
          direction: t.dirs[r.id].direction, trend: t.moved[r.id] || null,
          notes: t.members.map(function (m, i) { return m.notes[r.id] ? { name: who(m, i), note: m.notes[r.id] } : null; }).filter(Boolean) };
      }),
      plays: t.items.map(function (item) {
        return { attribute: item.id, level: item.level, plays: item.plays.map(function (p) { return { title: p.title, href: p.href, kind: p.kind, time: p.time }; }) };
      }),
      history: runs.filter(function (r) { return r.team; }).map(function (r) { return { date: r.date, size: r.team, ratings: r.ratings }; })
    }, null, 2) + "\n";
  }
  function teamCsv(t) {
    var rows = [["date", "team", "who", "attribute_id", "attribute", "rating", "direction", "note", "spread", "plays"]];
    var label = teamState.name || data.team;
    t.rows.forEach(function (r) {
      t.members.forEach(function (m, i) {
        rows.push([m.date, label, who(m, i), r.id, r.name, m.ratings[r.id] ? labels[m.ratings[r.id]] : "", direction((m.directions || {})[r.id]), m.notes[r.id] || "", "", ""]);
      });
      var item = t.items.filter(function (x) { return x.id === r.id; })[0];
      rows.push([today(), label, "Team of " + t.members.length, r.id, r.name, r.level === "unknown" ? "" : labels[r.level], direction(t.dirs[r.id].direction), "",
        spreadText(r) + (r.wide ? "; wide spread" : ""), item ? item.plays.map(function (p) { return p.title + " (" + p.time + ")"; }).join("; ") : ""]);
    });
    return csvText(rows);
  }

  // --- Sharing and the team view -----------------------------------------------------------------

  function shareLink() {
    var link = location.href.split("#")[0] + "#hc=" + encode(data, { date: today(), name: draft.name, ratings: draft.ratings, notes: draft.notes, directions: draft.directions });
    var field = root.querySelector("#hb-hc-link");
    out("share").hidden = false;
    field.value = link;
    field.focus();
    field.select();
  }
  // The code of a share link, pasted whole or opened; punctuation a chat app adds at its end is dropped.
  function codeOf(link) { var at = link.indexOf("#hc="); return at < 0 ? null : link.slice(at + 4).trim().replace(/[^A-Za-z0-9_-]+$/, ""); }

  function message(body, kind, more) {
    var box = out("message");
    box.className = "hb-hc__message hb-web-only admonition " + (kind || "warning");
    fill(box, body ? [h("p", {}, [body, more ? " " : null, more])] : []);
    box.hidden = !body;
  }

  // Adds the valid codes (each person once) and returns what to say about them.
  function addCodes(codes) {
    var before = gather(data, teamState.codes).members.length, known = teamState.replaced.length;
    teamState.codes = teamState.codes.concat(codes);
    var g = compact();
    renderTeam();
    return { added: g.members.length - before, replaced: teamState.replaced.slice(known) };
  }
  function replacedText(r) {
    return (r.name || "Someone") + ": the ratings of " + longDate(r.kept) + " count, and those of " + longDate(r.dropped) + " are left out, so each person counts once.";
  }

  function memberChips(t, day) {
    return h("p", {}, [plural(t.members.length, "member: ", "members: ")].concat(t.members.map(function (m, i) {
      var other = day.others.indexOf(m) >= 0;
      return h("span", { class: "hb-hc__member" + (other ? " hb-hc__member--other" : "") }, [who(m, i) + " (" + longDate(m.date) + (other ? ", another day" : "") + ") ",
        h("button", { type: "button", class: "hb-hc__remove", "data-hb-remove": String(i), "aria-label": "Remove " + who(m, i) + "'s ratings" }, ["Remove"])]);
    })));
  }

  function renderTeam() {
    var t = teamRecord(), members = t.members;
    teamResult = null;
    renderTeamPrint(null);
    if (!members.length) { fill(out("team"), [h("p", {}, ["No ratings in the team view yet."])]); return; }
    var day = sessionDay(members);
    var notices = t.gather.members.filter(function (m) { return m.notice; }).map(function (m) { return (m.member.name || "A member") + "'s link was " + m.notice; });
    var flags = [
      day.others.length ? h("div", { class: "admonition warning hb-hc__dates" }, [h("p", {}, [h("strong", {}, ["Not all from the same day. "]),
        "Most rated on " + longDate(day.day) + "; " + listed(day.others.map(function (m) { return (m.name || "a member") + " on " + longDate(m.date); })) +
        ". If a link is from an earlier session, remove it or ask for a new one."])]) : null,
      teamState.replaced.length ? h("div", { class: "admonition note hb-hc__replaced" }, teamState.replaced.map(function (r) { return h("p", {}, [replacedText(r)]); })) : null,
      notices.length ? h("div", { class: "admonition note" }, notices.map(function (n) { return h("p", {}, [n]); })) : null
    ];
    if (teamState.hide && !teamState.revealed) {
      fill(out("team"), [memberChips(t, day)].concat(flags, [
        h("div", { class: "admonition info hb-hc__hidden" }, [h("p", {}, ["The ratings are hidden until you reveal them, so that nobody anchors on the first ones in. " +
          plural(members.length, "member has", "members have") + " rated so far."])]),
        h("p", { class: "hb-hc__buttons" }, [h("button", { type: "button", class: "md-button md-button--primary", "data-hb-act": "reveal" }, ["Reveal the ratings"])])
      ]));
      return;
    }
    var wide = t.rows.filter(function (r) { return r.wide; });
    fill(out("team"), [memberChips(t, day)].concat(flags, [
      wide.length ? h("div", { class: "admonition warning hb-hc__flag" }, [h("p", {}, [h("strong", {}, ["Talk about these first. "]),
        "Some of you rate them healthy and others at risk, so you have seen different things: " + wide.map(function (r) { return r.name; }).join("; ") + "."])]) : null,
      h("h3", { id: "team-spread" }, ["The spread for each attribute"]),
      h("ul", { class: "hb-hc__spread" }, t.rows.map(function (r) {
        var total = members.length, moved = dirText(t.dirs[r.id]);
        var notes = members.map(function (m, i) { return m.notes[r.id] ? who(m, i) + ": " + m.notes[r.id] : null; }).filter(Boolean);
        return h("li", { class: r.wide ? "hb-hc__wide" : null }, [
          h("p", { class: "hb-hc__rec-head" }, [r.wide ? h("span", { class: "hb-hc__badge hb-hc--wide" }, ["Wide spread"]) : null, h("a", { href: "#" + r.id }, [r.name])]),
          h("div", { class: "hb-hc__bar", "aria-hidden": "true" }, LEVELS.concat(["unknown"]).map(function (l) {
            return r.counts[l] ? h("span", { class: "hb-hc--" + l, style: "width:" + (100 * r.counts[l] / total) + "%" }) : null;
          })),
          h("p", { class: "hb-hc__counts" }, [spreadText(r) + ". Team: " + (r.level === "unknown" ? "no rating yet" : labels[r.level].toLowerCase()) + "." +
            (t.moved[r.id] ? " Since the last saved result: " + arrow(t.moved[r.id]) + "." : "")]),
          moved ? h("p", { class: "hb-hc__counts" }, ["Direction: " + moved + "."]) : null,
          notes.length ? h("ul", { class: "hb-hc__notes" }, notes.map(function (n) { return h("li", {}, [n]); })) : null
        ]);
      })),
      h("h3", { id: "team-plays" }, ["The team's plays to run next"]),
      t.items.length ? recList(t.items) : h("p", {}, ["The team rates nothing at risk or of some concern."]),
      h("p", { class: "hb-hc__buttons" }, [
        h("button", { type: "button", class: "md-button", "data-hb-act": "team-save" }, ["Save the team's result to my history"]),
        h("button", { type: "button", class: "md-button", "data-hb-act": "team-csv" }, ["Download the team's CSV"]),
        h("button", { type: "button", class: "md-button", "data-hb-act": "team-json" }, ["Download the team's JSON"]),
        h("button", { type: "button", class: "md-button", "data-hb-act": "team-print" }, ["Print the team's result"])
      ])
    ]));
    teamResult = { date: today(), name: "", team: members.length, ratings: t.levels, notes: {}, directions: {} };
    renderTeamPrint(t, day);
  }

  // Every member's note on an attribute, each cut to its share of a few lines, so that each voice is on the page.
  function notesOf(members, id) {
    var notes = members.map(function (m, i) { return m.notes[id] ? who(m, i) + ": " + m.notes[id] : null; }).filter(Boolean);
    var each = Math.max(50, Math.floor(320 / (notes.length || 1)));
    return notes.map(function (n) { return cut(n.replace(/\s+/g, " "), each); }).join(" / ");
  }
  // The team's result on paper: one table and the plays, on one or two pages whatever the notes.
  function renderTeamPrint(t, day) {
    if (!t) { fill(out("print-team"), []); return; }
    fill(out("print-team"), [
      h("p", { class: "hb-hc__print-title" }, [(teamState.name || data.team) + " · team health check · " + longDate(today()) + " · " +
        plural(t.members.length, "member", "members") + ": " + t.members.map(who).join(", ")]),
      day.others.length ? h("p", {}, ["Not all from the same day: " + listed(day.others.map(function (m) { return (m.name || "a member") + " rated on " + longDate(m.date); })) + "."]) : null,
      h("table", { class: "hb-hc__print-table" }, [
        h("thead", {}, [h("tr", {}, ["Attribute", "Team", "Spread", "Notes"].map(function (c) { return h("th", { scope: "col" }, [c]); }))]),
        h("tbody", {}, t.rows.map(function (r) {
          var moved = t.dirs[r.id].direction;
          return h("tr", {}, [h("th", { scope: "row" }, [r.name]),
            h("td", {}, [(r.level === "unknown" ? "no rating" : labels[r.level]) + (r.wide ? ", wide spread" : "") + (moved ? ", " + data.directions[moved].toLowerCase() : "")]),
            h("td", {}, [spreadText(r)]),
            h("td", {}, [notesOf(t.members, r.id)])]);
        }))
      ]),
      t.items.length ? h("p", { class: "hb-hc__print-title" }, ["Plays to run next"]) : null,
      t.items.length ? h("ul", {}, t.items.map(function (item) {
        return h("li", {}, [h("strong", {}, [item.name + ": "]), item.plays.map(function (p) { return p.title + " – " + p.time; }).join("; ") || "see above"]);
      })) : null
    ]);
  }

  // --- The overview across teams --------------------------------------------------------------

  function renderOverview() {
    root.querySelector('[data-hb-act="overview-clear"]').hidden = !teams.length;
    if (!teams.length) { fill(out("overview"), []); return; }
    var view = overview(data, teams);
    fill(out("overview"), [
      h("p", {}, [plural(view.teams.length, "team: ", "teams: ") + view.teams.map(function (t) {
        return t.name + " (" + longDate(t.date) + ", " + plural(t.size, "member", "members") + ")";
      }).join("; ") + "."]),
      view.atRisk.length ? h("div", { class: "admonition warning hb-hc__flag" }, [h("p", {}, [h("strong", {}, ["At risk in more than one team. "]),
        view.atRisk.map(function (a) { return a.name + " (" + listed(a.teams) + ")"; }).join("; ") + "."])]) :
        h("p", {}, ["No attribute is at risk in more than one team."]),
      h("div", { class: "hb-hc__scroll", tabindex: "0", role: "region", "aria-label": "Each team's level and trend by attribute" }, [h("table", { class: "hb-hc__history hb-hc__overview" }, [
        h("thead", {}, [h("tr", {}, [h("th", { scope: "col" }, ["Attribute"])].concat(view.teams.map(function (t) { return h("th", { scope: "col" }, [t.name]); })))]),
        h("tbody", {}, data.attributes.map(function (a) {
          var shared = view.atRisk.some(function (x) { return x.id === a.id; });
          return h("tr", { class: shared ? "hb-hc__shared-risk" : null }, [h("th", { scope: "row" }, [a.name, shared ? h("span", { class: "hb-hc__time" }, [" at risk in several teams"]) : null])]
            .concat(view.teams.map(function (t) {
              var level = t.levels[a.id];
              return h("td", {}, [level ? badge(level) : "–", h("span", { class: "hb-hc__trend" }, [" " + arrow(t.trend[a.id])])]);
            })));
        }))
      ])])
    ]);
  }

  function readFiles(files) {
    var list = Array.prototype.slice.call(files || []);
    if (!list.length) { tell("overview-message", ["Choose or drop at least one team's JSON file."], "warning"); return; }
    Promise.all(list.map(function (file) {
      return (file.size > 2000000 ? Promise.resolve("") : file.text()).then(function (body) { return { file: file, found: readExport(data, body) }; });
    })).then(function (read) {
      var lines = [], ok = [];
      read.forEach(function (r) {
        var label = r.file.name.slice(0, 80);
        if (r.found.error) { lines.push(label + ": " + r.found.error); return; }
        var team = r.found.team;
        if (!team.name) team.name = label.replace(/\.json$/i, "");
        teams = teams.filter(function (t) { return t.name !== team.name || t.date !== team.date; }).concat([team]);
        ok.push(team.name);
      });
      if (ok.length) lines.unshift("Read " + plural(ok.length, "file", "files") + ": " + listed(ok) + ".");
      tell("overview-message", lines, ok.length === read.length ? "info" : "warning");
      renderOverview();
    });
  }
  var drop = root.querySelector("[data-hb-drop]");
  root.querySelector("#hb-hc-files").addEventListener("change", function (event) { readFiles(event.target.files); event.target.value = ""; });
  drop.addEventListener("dragover", function (event) { event.preventDefault(); drop.classList.add("hb-hc__drop--over"); });
  drop.addEventListener("dragleave", function () { drop.classList.remove("hb-hc__drop--over"); });
  drop.addEventListener("drop", function (event) { event.preventDefault(); drop.classList.remove("hb-hc__drop--over"); readFiles(event.dataTransfer.files); });

  // --- Buttons ---------------------------------------------------------------------------------

  // What the page prints: the team's result after its button was used (until "Print my result" or a new session),
  // else your result once you have rated, else the worksheet.
  function printAs(team) {
    document.documentElement.classList.toggle("hb-hc-print-team", team);
    window.print();
  }

  var actions = {
    show: function () { render(); var heading = root.querySelector("#your-result"); if (!panel("result").hidden) heading.focus(); else say("Rate at least one attribute to see a result."); },
    clear: function () {
      draft = { date: "", saved: "", name: draft.name, ratings: {}, notes: {}, directions: {} };
      root.querySelectorAll(".hb-hc__pick, .hb-hc__dir-pick").forEach(function (i) { i.checked = false; });
      root.querySelectorAll(".hb-hc__attr textarea").forEach(function (t) { t.value = ""; });
      persist(); render(); say("Your ratings are cleared; your saved history is kept.");
    },
    save: function () {
      draft.saved = draft.date = today();
      saveRun({ date: today(), name: draft.name, team: 0, ratings: Object.assign({}, draft.ratings), notes: Object.assign({}, draft.notes), directions: Object.assign({}, draft.directions) }, "result");
    },
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
    csv: function () { download(csv(), "text/csv;charset=utf-8", fileName(draft.name, "csv")); },
    json: function () { download(json(), "application/json", fileName(draft.name, "json")); },
    print: function () { printAs(false); },
    "team-csv": function () { download(teamCsv(teamRecord()), "text/csv;charset=utf-8", fileName((teamState.name || "team") + " team", "csv")); },
    "team-json": function () { download(teamJson(teamRecord()), "application/json", fileName((teamState.name || "team") + " team", "json")); },
    "team-print": function () { printAs(true); },
    forget: function () { runs = []; refused = []; persist(); renderHistory(); say("Your history is deleted."); },
    reveal: function () {
      teamState.revealed = true;
      persistTeam();
      renderTeam();
      say("The ratings are revealed: " + plural(teamRecord().members.length, "member's", "members'") + " ratings, all at once.", "team");
      var head = root.querySelector("#team-spread");
      if (head) { head.setAttribute("tabindex", "-1"); head.focus(); }
    },
    add: function () {
      var box = root.querySelector("#hb-hc-links");
      var lines = box.value.split(/\r?\n/).map(function (l) { return l.trim(); }).filter(Boolean);
      if (!lines.length) { tell("team-message", ["The box is empty: paste each member's share link into it, one per line."], "warning"); box.focus(); return; }
      var problems = [], codes = [];
      lines.forEach(function (line, n) {
        var where = lines.length > 1 ? "Line " + (n + 1) + ": " : "";
        var links = line.split(/\s+/).filter(function (word) { return word.indexOf("#hc=") >= 0; });
        if (!links.length) { problems.push(where + "this is not a share link: it has no \u201c#hc=\u201d followed by ratings."); return; }
        links.forEach(function (link) {
          var code = codeOf(link), found = decode(data, code);
          if (found.error) problems.push(where + found.error); else codes.push(code);
        });
      });
      var done = codes.length ? addCodes(codes) : { added: 0, replaced: [] };
      var total = gather(data, teamState.codes).members.length;
      var said = [(done.added ? plural(done.added, "member", "members") + " added; " : "No member added; ") + "the team view holds " + plural(total, "member.", "members.")]
        .concat(done.replaced.map(replacedText), problems);
      tell("team-message", said, problems.length ? "warning" : done.replaced.length ? "note" : "info");
      if (!problems.length) box.value = "";
    },
    "team-clear": function () {
      teamState = { codes: [], replaced: [], hide: teamState.hide, revealed: false, name: teamState.name };
      persistTeam(); renderTeam(); message(""); tell("team-message", []);
      document.documentElement.classList.remove("hb-hc-print-team");
      say("A new session: the team view is empty" + (teamState.hide ? ", and the ratings stay hidden until you reveal them" : "") + ". Your history keeps the team's saved results.", "team");
    },
    "overview-clear": function () { teams = []; renderOverview(); tell("overview-message", []); }
  };
  root.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    if (button.hasAttribute("data-hb-remove")) {
      var gone = gather(data, teamState.codes).members[+button.getAttribute("data-hb-remove")];
      teamState.codes = teamState.codes.filter(function (c) { return !gone || c !== gone.code; });
      persistTeam();
      renderTeam();
      say(gone ? (gone.member.name || "A member") + "'s ratings are removed from the team view." : "", "team");
      return;
    }
    var act = actions[button.getAttribute("data-hb-act")];
    if (act) act();
  });

  // --- Start: show the script's parts, then read a share link in the address, if any -----------------

  root.classList.add("hb-hc--live");
  root.querySelectorAll(".hb-hc__who, .hb-hc__actions").forEach(function (node) { node.hidden = false; });
  reveal("team", true);
  reveal("overview", true);
  if (!store) say("This browser does not let the page keep your ratings: they will be gone when you leave, so save them as CSV or JSON.");
  if (startedOver) say("A new run: your ratings of " + longDate(startedOver) + " are kept as a starting point, and their notes stay in your history.");
  compact();
  render();
  renderTeam();
  var code = codeOf(location.hash);
  if (code !== null) {
    var found = decode(data, code);
    if (found.error) message(found.error);
    else {
      var done = addCodes([code]);
      message("You opened " + (found.member.name ? found.member.name + "'s" : "someone's") + " ratings of " + longDate(found.member.date) +
        ". They are now in the team view below" + (found.notice ? "; the link was " + found.notice : ".") +
        (done.replaced.length ? " " + replacedText(done.replaced[0]) : ""), "info",
        h("a", { href: "#team-view" }, ["Go to the team view"]));
    }
    out("message").scrollIntoView({ block: "center" });
  }
})();
