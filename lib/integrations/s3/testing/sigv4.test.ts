import { describe, expect, it } from "vitest";
import { computePresignedSignature, verifyPresignedSignature } from "./sigv4";

// The worked example from AWS's S3 docs ("Authenticating Requests: Using Query Parameters"):
// GET examplebucket/test.txt, 2013-05-24T00:00:00Z, 86400 s, documented signature below.
const AWS_EXAMPLE_URL =
  "https://examplebucket.s3.amazonaws.com/test.txt" +
  "?X-Amz-Algorithm=AWS4-HMAC-SHA256" +
  "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request" +
  "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host" +
  "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";
const AWS_EXAMPLE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

describe("SigV4 query-string verifier (test helper)", () => {
  it("reproduces AWS's documented example signature", () => {
    const result = computePresignedSignature(AWS_EXAMPLE_URL, AWS_EXAMPLE_SECRET);
    expect(result.signature).toBe("aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
    expect(verifyPresignedSignature(AWS_EXAMPLE_URL, AWS_EXAMPLE_SECRET)).toBe(true);
  });

  it("rejects a wrong secret or a changed URL", () => {
    expect(verifyPresignedSignature(AWS_EXAMPLE_URL, "another-secret")).toBe(false);
    expect(verifyPresignedSignature(AWS_EXAMPLE_URL.replace("test.txt", "test2.txt"), AWS_EXAMPLE_SECRET)).toBe(false);
    expect(verifyPresignedSignature(AWS_EXAMPLE_URL.replace("86400", "86401"), AWS_EXAMPLE_SECRET)).toBe(false);
  });
});
