import { i18n } from './index';

// A few library parts label themselves in English and take no prop for it: rc-segmented's
// "segmented control", rc-tree's hidden "for screen reader" input, rc-input-number's step buttons,
// the range picker's "to", the dialog's "Close". A screen reader would read those to a Chinese
// user, so they are relabelled as they appear.
const KEYS: Record<string, string> = {
  'segmented control': 'a11y.segmented',
  'for screen reader': 'a11y.treeInput',
  'Increase Value': 'a11y.increase',
  'Decrease Value': 'a11y.decrease',
  to: 'a11y.to',
  Close: 'a11y.close',
};

function relabel(root: ParentNode) {
  for (const el of root.querySelectorAll('[aria-label]')) {
    const key = KEYS[el.getAttribute('aria-label') ?? ''];
    if (key) el.setAttribute('aria-label', i18n.t(key));
  }
}

/** Watches the document and gives library-made English labels the current language's words. */
export function startLibraryLabels(): void {
  relabel(document);
  new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === 'attributes') relabel(change.target.parentNode ?? document);
      for (const node of change.addedNodes) if (node instanceof Element) relabel(node.parentNode ?? node);
    }
  }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
}
