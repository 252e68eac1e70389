// `npm run bench`: prints the gateway's measured figures. The voice benchmark (issue 3) lands here.
console.log('no benchmarks yet');
