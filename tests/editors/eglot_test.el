;;; eglot_test.el --- Emacs's eglot against `unattend lsp', headless  -*- lexical-binding: t -*-
;; Open an answer file in nxml-mode with eglot (Debian's elpa-eglot), wait
;; for the diagnostics the server publishes (through flymake), write them as
;; "line<TAB>message" (lines 1-based); then add an empty line after line 6
;; (inside a component), ask for completion there and add
;; "completion<TAB>label<TAB>text inserted" for each item; then quit.
;; Environment: UNATTEND_CLI, ANSWER_FILE, DIAGNOSTICS_OUT.
(require 'package)
;; Debian installs elpa-eglot where -Q does not look.
(add-to-list (quote package-directory-list) "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(require 'eglot)
(require 'flymake)
(require 'nxml-mode)

(defun unattend-test-fail (code why)
  (message "eglot test: %s" why)
  (kill-emacs code))

(let* ((cli (getenv "UNATTEND_CLI"))
       (file (getenv "ANSWER_FILE"))
       (out (getenv "DIAGNOSTICS_OUT"))
       (lines '()))
  (add-to-list 'eglot-server-programs `(nxml-mode . (,cli "lsp")))
  (find-file file)
  (nxml-mode)
  ;; Only the server's diagnostics: not the legacy backend, which runs a program named xml.
  (remove-hook 'flymake-diagnostic-functions #'flymake-proc-legacy-flymake)
  (flymake-mode 1)
  (apply #'eglot (eglot--guess-contact))
  (let ((deadline (+ (float-time) 20)))
    (while (and (null (flymake-diagnostics)) (< (float-time) deadline))
      (flymake-start)
      (accept-process-output nil 0.1)))
  (unless (flymake-diagnostics) (unattend-test-fail 4 "no diagnostics"))
  (dolist (d (flymake-diagnostics))
    (push (format "%d\t%s" (line-number-at-pos (flymake-diagnostic-beg d)) (flymake-diagnostic-text d)) lines))
  ;; Completion on an empty line: eglot without yasnippet takes no snippets.
  (goto-char (point-min))
  (forward-line 6)
  (insert "      \n")
  (forward-line -1)
  (end-of-line)
  (eglot--signal-textDocument/didChange)
  (let* ((reply (jsonrpc-request (eglot--current-server-or-lose) :textDocument/completion
                                 (eglot--TextDocumentPositionParams)))
         (items (if (vectorp reply) reply (plist-get reply :items))))
    (seq-doseq (item items)
      (push (format "completion\t%s\t%s" (plist-get item :label) (or (plist-get item :insertText) "")) lines)))
  (with-temp-file out (insert (mapconcat #'identity (nreverse lines) "\n") "\n"))
  (eglot-shutdown (eglot--current-server-or-lose))
  (kill-emacs 0))
