import { describe, expect, it } from 'vitest';
import { EMPTY_SHA256, signS3 } from '../../src/assets/s3-signer.js';

// AWS's published SigV4 example for S3 ("Example: GET Object", Signature Version 4 header
// authentication): the signer must produce exactly its signature.
describe('signS3', () => {
  it('matches AWS\'s GET Object example', () => {
    const headers = signS3(
      { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'us-east-1' },
      { method: 'GET', path: '/test.txt', headers: { host: 'examplebucket.s3.amazonaws.com', range: 'bytes=0-9' }, payloadSha256: EMPTY_SHA256 },
      new Date('2013-05-24T00:00:00Z'),
    );
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });
});
