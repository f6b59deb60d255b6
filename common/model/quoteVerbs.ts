/**
 * Reporting verbs and their inflections (said, told, added, ...), one entry per form, used to propose
 * the cue of an attribution. 257 words, lowercase, in the order of the source list.
 *
 * Source: the quote verb list of the Gender Gap Tracker (https://github.com/sfu-discourse-lab/GenderGapTracker),
 * as kept in the desk's shared lexicons (../shared/lexicons/quote-verbs.txt). It is embedded here as code
 * so that the renderer and Node read the same list without a file; the licence text also ships as
 * resources/lexicons/quote-verbs.LICENSE. The list is used under its MIT licence:
 *
 * MIT License
 *
 * Copyright (c) 2018-2023 Maite Taboada
 *
 * Permission is hereby granted, free of charge, to any person obtaining a copy
 * of this software and associated documentation files (the "Software"), to deal
 * in the Software without restriction, including without limitation the rights
 * to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
 * copies of the Software, and to permit persons to whom the Software is
 * furnished to do so, subject to the following conditions:
 *
 * The above copyright notice and this permission notice shall be included in all
 * copies or substantial portions of the Software.
 *
 * THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
 * IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
 * FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
 * AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
 * LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
 * OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
 * SOFTWARE.
 */
export const quoteVerbs: readonly string[] = [
  'accept', 'accepted', 'acclaim', 'acclaimed', 'acclaiming', 'acclaims', 'acknowledge',
  'acknowledged', 'acknowledges', 'acknowledging', 'add', 'added', 'adding', 'adds', 'admit',
  'admits', 'admitted', 'admitting', 'advise', 'advised', 'advises', 'advising', 'announce',
  'announced', 'announces', 'announcing', 'argue', 'argued', 'argues', 'arguing', 'assert',
  'asserted', 'asserting', 'asserts', 'assure', 'assured', 'assures', 'assuring', 'claim', 'claimed',
  'claiming', 'claims', 'clarified', 'clarifies', 'clarify', 'clarifying', 'comment', 'commented',
  'commenting', 'comments', 'conclude', 'concluded', 'concludes', 'concluding', 'confirm',
  'confirmed', 'confirming', 'confirms', 'continue', 'continued', 'continues', 'continuing',
  'convince', 'convinced', 'convinces', 'convincing', 'criticize', 'criticized', 'criticizes',
  'criticizing', 'declaim', 'declaimed', 'declaiming', 'declaims', 'declare', 'declared', 'declares',
  'declaring', 'decried', 'decries', 'decry', 'decrying', 'demonstrate', 'demonstrated',
  'demonstrates', 'demonstrating', 'denounce', 'denounced', 'denounces', 'denouncing', 'describe',
  'described', 'describes', 'describing', 'disclaim', 'disclaimed', 'disclaiming', 'disclaims',
  'dispute', 'disputed', 'disputes', 'disputing', 'ensure', 'ensured', 'ensures', 'ensuring',
  'estimated', 'estimates', 'exclaim', 'exclaimed', 'exclaiming', 'exclaims', 'explain', 'explained',
  'explaining', 'explains', 'finding', 'finds', 'highlight', 'highlighted', 'highlighting',
  'highlights', 'illustrate', 'illustrated', 'illustrates', 'illustrating', 'indicate', 'indicated',
  'indicates', 'indicating', 'inform', 'informed', 'informing', 'informs', 'insist', 'insisted',
  'insisting', 'insists', 'mention', 'mentioned', 'mentioning', 'mentions', 'note', 'noted', 'notes',
  'notified', 'notifies', 'notify', 'notifying', 'noting', 'persist', 'persisted', 'persisting',
  'persists', 'point', 'pointed', 'pointing', 'points', 'preach', 'preached', 'preaches',
  'preaching', 'predict', 'predicted', 'predicting', 'predicts', 'present', 'presenting', 'presents',
  'proclaim', 'proclaimed', 'proclaiming', 'proclaims', 'rave', 'raved', 'raves', 'raving',
  'reassert', 'reasserted', 'reasserting', 'reasserts', 'reassure', 'reassured', 'reassures',
  'reassuring', 'reckon', 'reckoned', 'reckoning', 'reckons', 'reconfirm', 'reconfirmed',
  'reconfirming', 'reconfirms', 'release', 'released', 'releases', 'releasing', 'remind', 'reminded',
  'reminding', 'reminds', 'replied', 'replies', 'reply', 'replying', 'report', 'reported',
  'reporting', 'reports', 'respond', 'responded', 'responding', 'responds', 'restate', 'restated',
  'restates', 'restating', 'retell', 'retelling', 'retells', 'retold', 'said', 'say', 'saying',
  'says', 'state', 'stated', 'states', 'stating', 'suggest', 'suggested', 'suggesting', 'suggests',
  'tell', 'telling', 'tells', 'told', 'testified', 'testifies', 'testify', 'testifying', 'think',
  'thinking', 'thinks', 'thought', 'tweet', 'tweeted', 'tweeting', 'tweets', 'warn', 'warned',
  'warning', 'warns', 'write', 'writes', 'writing', 'wrote',
];
