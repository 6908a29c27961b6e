// A browser without the Compression Streams API (Safari before 16.4,
// Firefox before 113).
delete window.CompressionStream;
delete window.DecompressionStream;
