/*
 * The rule editor: a compile error's link ("deadline.drl, línea 12") puts the cursor on
 * that line of the text area and selects it, so the fix can be typed at once. Without
 * this script the link still jumps to the line in the listing below the editor.
 */
(function () {
  'use strict';

  var editor = document.getElementById('contenido');
  if (!editor) {
    return;
  }

  function select(lineNumber) {
    var lines = editor.value.split('\n');
    var start = 0;
    for (var i = 0; i < lineNumber - 1 && i < lines.length; i++) {
      start += lines[i].length + 1;
    }
    var end = start + (lines[lineNumber - 1] || '').length;
    editor.focus();
    editor.setSelectionRange(start, end);
    var lineHeight = editor.scrollHeight / Math.max(lines.length, 1);
    editor.scrollTop = Math.max(0, (lineNumber - 3) * lineHeight);
  }

  document.querySelectorAll('.rule-error[data-line] a[href^="#line-"]').forEach(function (link) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      select(parseInt(link.closest('.rule-error').getAttribute('data-line'), 10));
    });
  });
})();
