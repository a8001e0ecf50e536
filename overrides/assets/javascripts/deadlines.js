/* "When is my deadline?": looks up the answer the build worked out (deadlines-data.js, made by
   hooks/deadlines from docs/data/deadlines.yml). It holds no rules of its own: for each date it
   reads the days to the end of the time limit, the days the Tribunal's rules add, and the reason.
   Loaded only on the page with the calculator. */
(function () {
  "use strict";
  var data = window.deadlineData;
  var root = document.getElementById("deadline-calculator");
  if (!data || !root) return;
  var DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  var DAY = 86400000;
  var form = document.getElementById("deadline-form");
  var summary = document.getElementById("deadline-errors");
  var result = document.getElementById("deadline-result");
  var names = { letter: "the date the council sent its letter", certificate: "the date your mediation certificate was issued" };

  function utc(text) { var p = text.split("-"); return Date.UTC(+p[0], +p[1] - 1, +p[2]); }
  var first = utc(data.first), last = utc(data.last);
  function words(time) {
    var d = new Date(time);
    return DAYS[d.getUTCDay()] + " " + d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
  }
  function today() {
    var now = new Date();
    return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  }
  function field(prefix, part) { return document.getElementById(prefix + "-" + part); }

  /* A date group: null if empty, {error, part} if wrong, else {time}. */
  function read(prefix) {
    var parts = ["day", "month", "year"], values = {}, empty = [];
    parts.forEach(function (part) {
      values[part] = field(prefix, part).value.trim();
      if (!values[part]) empty.push(part);
    });
    if (empty.length === 3) return null;
    if (empty.length) return { error: "The date must include a " + empty.join(" and a "), part: empty[0] };
    for (var i = 0; i < 3; i++) {
      if (!/^\d+$/.test(values[parts[i]])) return { error: "Enter the date in numbers, like 27 3 2026", part: parts[i] };
    }
    var d = +values.day, m = +values.month, y = +values.year;
    if (values.year.length !== 4) return { error: "Enter the year with 4 numbers, like 2026", part: "year" };
    var time = Date.UTC(y, m - 1, d), check = new Date(time);
    if (m < 1 || m > 12 || check.getUTCDate() !== d || check.getUTCMonth() !== m - 1) {
      return { error: "Enter a real date: " + d + " " + (MONTHS[m - 1] || "month " + m) + " " + y + " does not exist", part: m < 1 || m > 12 ? "month" : "day" };
    }
    return { time: time };
  }
  function entry(kind, time) {
    var size = kind === "letter" ? 4 : 3, at = Math.round((time - first) / DAY) * size;
    var code = data[kind].substr(at, size), n = [];
    for (var i = 0; i < size; i++) n.push(data.alphabet.indexOf(code.charAt(i)));
    var ends = time + n[0] * DAY;
    return { kind: kind, ends: ends, lastDay: ends + n[1] * DAY, reason: n[2], mediation: time + (n[3] || 0) * DAY };
  }
  function sentence(found) {
    var text = data.reasons[found.reason].replace("{from}", data.from[found.kind]).replace("{ends}", words(found.ends));
    return text.charAt(0).toUpperCase() + text.slice(1);
  }
  function element(tag, text, cls) {
    var node = document.createElement(tag);
    node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  function check(showEmpty) {
    var errors = [], letter = read("letter"), certificate = read("certificate"), now = today();
    var range = "from " + words(first) + " to " + words(Math.min(last, now));
    if (!letter) {
      if (showEmpty) errors.push({ prefix: "letter", part: "day", text: "Enter the date the council sent its decision letter" });
    } else if (letter.error) {
      errors.push({ prefix: "letter", part: letter.part, text: letter.error });
    } else if (letter.time > now) {
      errors.push({ prefix: "letter", part: "day", text: "The date the council sent its letter must be today or in the past" });
    } else if (letter.time < first || letter.time > last) {
      errors.push({ prefix: "letter", part: "day", text: "Enter a letter date " + range + ": this page cannot work out other dates" });
    }
    if (certificate && certificate.error) {
      errors.push({ prefix: "certificate", part: certificate.part, text: certificate.error });
    } else if (certificate && certificate.time > now) {
      errors.push({ prefix: "certificate", part: "day", text: "The date your mediation certificate was issued must be today or in the past" });
    } else if (certificate && (certificate.time < first || certificate.time > last)) {
      errors.push({ prefix: "certificate", part: "day", text: "Enter a certificate date " + range + ": this page cannot work out other dates" });
    } else if (certificate && letter && letter.time && certificate.time < letter.time) {
      errors.push({ prefix: "certificate", part: "day", text: "The date your mediation certificate was issued must be the same as or after the date the council sent its letter" });
    }
    return { errors: errors, letter: letter, certificate: certificate };
  }

  function showErrors(errors) {
    ["letter", "certificate"].forEach(function (prefix) {
      var message = document.getElementById(prefix + "-error");
      var mine = errors.filter(function (e) { return e.prefix === prefix; })[0];
      document.getElementById(prefix + "-field").classList.toggle("deadline-field--error", !!mine);
      message.hidden = !mine;
      message.textContent = mine ? "Error: " + mine.text : "";
      ["day", "month", "year"].forEach(function (part) {
        var input = field(prefix, part);
        if (mine) input.setAttribute("aria-describedby", prefix + "-error");
        else input.removeAttribute("aria-describedby");
        input.classList.toggle("deadline-date__input--error", !!mine);
      });
    });
    var list = summary.querySelector("ul");
    list.textContent = "";
    errors.forEach(function (e) {
      var item = document.createElement("li"), link = element("a", e.text);
      link.href = "#" + e.prefix + "-" + e.part;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        field(e.prefix, e.part).focus();
      });
      item.appendChild(link);
      list.appendChild(item);
    });
    summary.hidden = !errors.length;
  }

  function answer(state) {
    var chosen = entry("letter", state.letter.time), other = null;
    if (state.certificate) {
      var fromCertificate = entry("certificate", state.certificate.time);
      if (fromCertificate.lastDay > chosen.lastDay || (fromCertificate.lastDay === chosen.lastDay && fromCertificate.ends > chosen.ends)) {
        other = chosen; chosen = fromCertificate;
      } else {
        other = fromCertificate;
      }
    }
    result.textContent = "";
    result.appendChild(element("h3", "Your deadline", "deadline-result__title"));
    var main = element("p", "", "deadline-result__answer");
    main.appendChild(element("strong", words(chosen.lastDay) + ", " + data.by));
    result.appendChild(main);
    var why = sentence(chosen);
    if (other) why += " " + data.later.replace("{other}", data.from[other.kind]);
    result.appendChild(element("p", why, "deadline-result__why"));
    if (chosen.lastDay < today()) {
      result.appendChild(element("p", "This date has passed. Contact us to talk about what you can still do.", "deadline-result__passed"));
    }
    if (!state.certificate) {
      var mediation = entry("letter", state.letter.time).mediation;
      result.appendChild(element("p", "Last day to contact a mediation adviser: " + words(mediation) + ". Do not leave it to the last day.", "deadline-result__mediation"));
    }
  }

  function update(submitted) {
    var state = check(submitted);
    var shown = state.errors.filter(function (e) {
      var group = state[e.prefix];
      return submitted || (group && (group.time || fullYear(e.prefix)));
    });
    showErrors(shown);
    if (!state.errors.length && state.letter && state.letter.time) {
      answer(state);
    } else {
      result.textContent = "";
    }
    if (submitted && shown.length) summary.focus();
  }
  function fullYear(prefix) { return field(prefix, "year").value.trim().length === 4; }

  form.addEventListener("input", function () { update(false); });
  form.addEventListener("submit", function (event) { event.preventDefault(); update(true); });
  root.hidden = false;
  var fallback = document.querySelector(".deadline-nojs");
  if (fallback) fallback.textContent = "Or find the date of your letter in a table:";
})();
