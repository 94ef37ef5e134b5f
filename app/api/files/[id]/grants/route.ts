import { createFileGrantOp, listFileGrantsOp } from "@/lib/api/ops/files";
import { listFileGrants } from "@/lib/files/list-file-grants";
import { shareFile } from "@/lib/files/share-file";
import { json, route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = route(listFileGrantsOp, async ({ caller, params }) =>
  json(200, { data: await listFileGrants(caller, params.id), nextCursor: null }),
);

export const POST = route(createFileGrantOp, async ({ caller, params, body }) => {
  const { grant, created } = await shareFile(caller, params.id, body.email);
  return json(created ? 201 : 200, { grant });
});

export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST });
