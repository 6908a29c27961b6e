// Notes every download the page offers (its file name and object URL) in
// window.__e2eDownloads and lets it go on. The files' contents are kept by
// URL (the page's CSP rightly forbids fetching blob: URLs), and revoked URLs
// are noted: Safari drops a download whose URL is revoked too soon.
window.__e2eDownloads = [];
window.__e2eBlobs = new Map();
window.__e2eRevoked = new Set();
{
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function clickAndNote() {
    if (this.download) window.__e2eDownloads.push({ name: this.download, url: this.href });
    return click.call(this);
  };
  const create = URL.createObjectURL;
  URL.createObjectURL = (object) => {
    const url = create.call(URL, object);
    if (object instanceof Blob) window.__e2eBlobs.set(url, object);
    return url;
  };
  const revoke = URL.revokeObjectURL;
  URL.revokeObjectURL = (url) => {
    window.__e2eRevoked.add(url);
    return revoke.call(URL, url);
  };
}
