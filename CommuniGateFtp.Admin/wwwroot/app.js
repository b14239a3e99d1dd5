// The Log page follows the newest record, as a tail does (Blazor has no scroll API of its own).
window.cgftpScrollToEnd = element => { if (element) { element.scrollTop = element.scrollHeight; } };
