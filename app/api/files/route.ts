import { listFilesOp } from "@/lib/api/ops/files";
import { listFiles } from "@/lib/files/list-files";
import { json, route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const GET = route(listFilesOp, async ({ caller, query }) => json(200, await listFiles(caller, query)));

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
