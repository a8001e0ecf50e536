/* Load the search index only when someone starts to search.

   Material asks for search/search_index.json as soon as a page opens: about 130 kB, a quarter
   of a first visit, which most visitors (often on a phone, on mobile data) never use. This
   holds that one request back until the search box first gets focus: by click, tap, Tab, the
   header's Search button or a keyboard shortcut. Searching then works as before; the index
   arrives while Material shows "Initializing search". Material asks with XMLHttpRequest; this
   script is loaded in <head>, before Material's, so it is in place first. The offline copy
   (file:) reads search_index.js instead and is not affected. Tested by
   tests/test_accessibility.py. */
(function () {
  "use strict";
  if (!window.XMLHttpRequest || !window.Promise || !window.WeakSet) return;

  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var forIndex = new WeakSet();
  var searchWanted = new Promise(function (resolve) {
    document.addEventListener("focusin", function (event) {
      var target = event.target;
      if (target && target.matches && target.matches(".md-search__input")) resolve();
    });
  });

  XMLHttpRequest.prototype.open = function (method, url) {
    if (INDEX.test(String(url))) forIndex.add(this);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!forIndex.has(request)) return send.apply(request, args);
    searchWanted.then(function () { send.apply(request, args); });
  };
})();
