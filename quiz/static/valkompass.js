/* valkompass static page: scoring (the same as quiz/scoring.py), share links (format v2, reads v1)
   and the citizen's flow. The engine part runs in Node too (module.exports), for the equality tests.
   Nothing is sent anywhere: answers live in this page and in the browser's sessionStorage. */
(function (root, factory) {
  const engine = factory();
  if (typeof module === "object" && module.exports) module.exports = engine;
  else root.valkompassEngine = engine;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  /* ---- Scoring: a mirror of quiz.scoring (see its docstring for the formula) ---- */

  function method(weights, methodId) {
    const found = weights.methods[methodId || weights.default_method];
    if (!found) throw new Error(`unknown method '${methodId}' (use one of: ${Object.keys(weights.methods).join(", ")})`);
    return found;
  }

  function sign(value) { return (value > 0) - (value < 0); }

  function pairPoints(weights, m, answer, stance) {
    if (m.collapse === "sign") { answer = sign(answer); stance = sign(stance); }
    if (m.rule === "distance") {
      const span = m.collapse === "sign" ? 2 : weights.scale.span;
      return [span - Math.abs(answer - stance), span];
    }
    const row = m.table[String(answer)];
    return [row[String(stance)], Math.max(...Object.values(row))];
  }

  function statementPoints(weights, m, answer, important, position) {
    const userWeight = important ? weights.important_weight : 1;
    if (!position) return m.missing.rule === "drop" ? null : [0, m.missing.max_points * userWeight];
    const weight = m.party_importance && position.important ? userWeight * weights.important_weight : userWeight;
    const [points, maximum] = pairPoints(weights, m, answer, position.stance);
    return [points * weight, maximum * weight];
  }

  /* One respondent ({answers: {id: value or null}, important: [ids]}) against every party:
     {party: {percent, points, max_points, coverage: {counted, answered}}}, as `python -m quiz score`. */
  function scoreOne(quiz, respondent, methodId) {
    const m = method(quiz.weights, methodId);
    const values = checkRespondent(quiz, respondent);
    const important = new Set(respondent.important || []);
    const answered = quiz.statements.filter((s) => values[s.id] !== undefined && values[s.id] !== null);
    const result = {};
    for (const party of quiz.parties) {
      let points = 0, maximum = 0, counted = 0;
      for (const statement of answered) {
        const position = statement.positions[party.id];
        const pair = statementPoints(quiz.weights, m, values[statement.id], important.has(statement.id), position);
        if (pair === null) continue;
        points += pair[0]; maximum += pair[1]; counted += position ? 1 : 0;
      }
      result[party.id] = {percent: maximum ? (100 * points) / maximum : null, points, max_points: maximum,
                          coverage: {counted, answered: answered.length}};
    }
    return result;
  }

  function score(quiz, respondents, methodId) {
    if (!Array.isArray(respondents)) throw new Error('expected a list of respondents: [{"answers": {...}, "important": [...]}]');
    return respondents.map((respondent) => scoreOne(quiz, respondent, methodId));
  }

  function checkRespondent(quiz, respondent) {
    const known = new Set(quiz.statements.map((s) => s.id));
    const scale = quiz.weights.scale.answers.map((a) => a.value);
    const values = (respondent && respondent.answers) || {};
    for (const [id, value] of Object.entries(values)) {
      if (!known.has(id)) throw new Error(`unknown statement '${id}'`);
      if (value !== null && !scale.includes(value)) throw new Error(`expected one of ${scale.join(", ")} or null, got ${value}`);
    }
    return values;
  }

  /* Parties from best to worst match; equal matches share a rank and are tied (as quiz.scoring.rank). */
  function rank(scores) {
    const entries = Object.entries(scores).map(([party, s]) => ({party, ...s}));
    const matched = entries.filter((e) => e.max_points > 0);
    const same = (a, b) => a.points * b.max_points === b.points * a.max_points;
    matched.sort((a, b) => (b.points * a.max_points - a.points * b.max_points) || (a.party < b.party ? -1 : a.party > b.party ? 1 : 0));
    const ranked = [];
    matched.forEach((entry, index) => {
      const place = index && !same(entry, matched[index - 1]) ? index + 1 : (index ? ranked[index - 1].rank : 1);
      ranked.push({rank: place, score: entry, tied: matched.filter((other) => same(other, entry)).length > 1});
    });
    const unscored = entries.filter((e) => !(e.max_points > 0)).sort((a, b) => (a.party < b.party ? -1 : 1));
    for (const entry of unscored) ranked.push({rank: matched.length + 1, score: entry, tied: unscored.length > 1});
    return ranked;
  }

  /* Python's round(x, digits) for the values shown: ties (exactly half) go to the even neighbour. */
  function roundHalfEven(x, digits) {
    const scaled = x * 10 ** digits, floor = Math.floor(scaled);
    const rounded = scaled - floor === 0.5 ? (floor % 2 === 0 ? floor : floor + 1) : Math.round(scaled);
    return rounded / 10 ** digits;
  }

  /* ---- Share links, format v2 (reads v1): see README "Sharing" and quiz/share.py ---- */

  const MAX_LENGTH = 200;

  class ShareError extends Error {
    constructor(reason) { super(reason); this.reason = reason; }
  }

  function encodeShare(quiz, respondent) {
    const n = quiz.weights.scale.answers.length, width = bitLength(n + 1);
    const values = respondent.answers || {}, important = new Set(respondent.important || []);
    const bits = [];
    for (const statement of quiz.statements) {
      const value = values[statement.id];
      const code = value === undefined ? 0 : value === null ? 1 : 2 + scaleIndex(quiz, value);
      for (let bit = width - 1; bit >= 0; bit--) bits.push((code >> bit) & 1);
      bits.push(code >= 2 && important.has(statement.id) ? 1 : 0);
    }
    const body = [2, ...fingerprint(quiz), ...packBits(bits)];
    return toBase64Url([...body, ...sha256(body).slice(0, 2)]);
  }

  function decodeShare(quiz, token) {
    if (token.length > MAX_LENGTH) throw new ShareError("too_long");
    const raw = fromBase64Url(token);
    if (raw === null || raw.length < 7) throw new ShareError("malformed");
    if (raw[0] !== 1 && raw[0] !== 2) throw new ShareError("version");
    if (!sameBytes(raw.slice(1, 5), fingerprint(quiz))) throw new ShareError("other_quiz");
    const n = quiz.statements.length, width = bitLength(quiz.weights.scale.answers.length + 1);
    const packed = raw[0] === 1 ? Math.ceil(n / 2) : Math.ceil((n * (width + 1)) / 8);
    if (raw.length !== 5 + packed + 2 || !sameBytes(sha256(raw.slice(0, -2)).slice(0, 2), raw.slice(-2))) {
      throw new ShareError("checksum");
    }
    const payload = raw.slice(5, -2);
    return raw[0] === 1 ? readV1(quiz, payload) : readV2(quiz, payload, width);
  }

  function readV2(quiz, payload, width) {
    const options = quiz.weights.scale.answers, answers = {}, important = [];
    let position = 0;
    const take = (count) => {
      let value = 0;
      for (let i = 0; i < count; i++, position++) value = (value << 1) | ((payload[position >> 3] >> (7 - (position & 7))) & 1);
      return value;
    };
    for (const statement of quiz.statements) {
      const code = take(width), flag = take(1);
      if (code > options.length + 1 || (flag && code < 2)) throw new ShareError("bad_value");
      if (code === 1) answers[statement.id] = null;
      if (code >= 2) answers[statement.id] = options[code - 2].value;
      if (flag) important.push(statement.id);
    }
    return {answers, important};
  }

  function readV1(quiz, payload) {
    const options = quiz.weights.scale.answers, answers = {}, important = [];
    quiz.statements.forEach((statement, i) => {
      const code = (payload[i >> 1] >> (i % 2 ? 0 : 4)) & 15, index = (code & 7) - 1;
      if (index >= options.length || code === 8) throw new ShareError("bad_value");
      if (index >= 0) {
        answers[statement.id] = options[index].value;
        if (code & 8) important.push(statement.id);
      }
    });
    return {answers, important};
  }

  function scaleIndex(quiz, value) {
    const index = quiz.weights.scale.answers.findIndex((a) => a.value === value);
    if (index < 0) throw new Error(`the answer ${value} is not on the scale`);
    return index;
  }

  function bitLength(value) { return value.toString(2).length; }

  function packBits(bits) {
    const bytes = new Array(Math.ceil(bits.length / 8)).fill(0);
    bits.forEach((bit, i) => { bytes[i >> 3] |= bit << (7 - (i & 7)); });
    return bytes;
  }

  function fingerprint(quiz) {
    return sha256(utf8([quiz.id, ...quiz.statements.map((s) => s.id)].join("\n"))).slice(0, 4);
  }

  function sameBytes(a, b) { return a.length === b.length && a.every((byte, i) => byte === b[i]); }

  function utf8(text) { return Array.from(new TextEncoder().encode(text)); }

  function toBase64Url(bytes) {
    return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64Url(token) {
    if (!/^[A-Za-z0-9_-]*$/.test(token) || token.length % 4 === 1) return null;
    const text = atob(token.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (token.length % 4)) % 4));
    return Array.from(text, (c) => c.charCodeAt(0));
  }

  /* SHA-256 (FIPS 180-4) of a byte array: synchronous, and also on plain-http hosts without crypto.subtle. */
  const K = Uint32Array.from([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2]);

  function sha256(bytes) {
    const length = bytes.length, total = Math.ceil((length + 9) / 64) * 64;
    const data = new Uint8Array(total);
    data.set(bytes); data[length] = 0x80;
    new DataView(data.buffer).setUint32(total - 4, length * 8);
    const h = Uint32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
    const w = new Uint32Array(64), view = new DataView(data.buffer);
    const rotr = (x, n) => (x >>> n) | (x << (32 - n));
    for (let offset = 0; offset < total; offset += 64) {
      for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + 4 * i);
      for (let i = 16; i < 64; i++) {
        const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
        const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
      }
      let [a, b, c, d, e, f, g, k] = h;
      for (let i = 0; i < 64; i++) {
        const t1 = (k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
        const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        k = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      [a, b, c, d, e, f, g, k].forEach((value, i) => { h[i] = (h[i] + value) | 0; });
    }
    const out = [];
    h.forEach((word) => out.push(word >>> 24, (word >>> 16) & 255, (word >>> 8) & 255, word & 255));
    return out;
  }

  return {score, scoreOne, rank, roundHalfEven, encodeShare, decodeShare, ShareError, sha256, MAX_LENGTH};
});
