import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { UserSchema } from "../schemas";

export const createUserOp = defineOperation({
  id: "createUser",
  method: "POST",
  path: "/api/users",
  summary: "Register a customer account",
  tags: ["Accounts"],
  auth: "public",
  body: z.object({
    name: z.string().trim().min(1, "Informe seu nome.").max(120),
    email: z.string().trim().pipe(z.email("E-mail inválido.").max(254)),
    password: z.string().min(8, "A senha precisa ter pelo menos 8 caracteres.").max(200),
  }),
  responses: { 201: { description: "Created", schema: z.object({ user: UserSchema }) } },
  errors: [409],
});

export const createTokenOp = defineOperation({
  id: "createToken",
  method: "POST",
  path: "/api/tokens",
  summary: "Exchange email and password for a bearer token (mobile)",
  tags: ["Accounts"],
  auth: "public",
  body: z.object({
    email: z.string().trim().min(1).max(254),
    password: z.string().min(1).max(200),
    deviceName: z.string().trim().max(100).optional(),
  }),
  responses: {
    201: {
      description: "Token issued",
      schema: z.object({
        token: z.string(),
        tokenType: z.literal("Bearer"),
        expiresAt: z.iso.datetime(),
        user: UserSchema,
      }),
    },
  },
  errors: [401, 429],
});

export const revokeCurrentTokenOp = defineOperation({
  id: "revokeCurrentToken",
  method: "DELETE",
  path: "/api/tokens/current",
  summary: "Revoke the bearer token used for this call",
  tags: ["Accounts"],
  auth: "bearer",
  responses: { 204: { description: "Revoked" } },
});

export const getMeOp = defineOperation({
  id: "getMe",
  method: "GET",
  path: "/api/me",
  summary: "The signed-in user",
  tags: ["Accounts"],
  auth: "user",
  responses: { 200: { description: "OK", schema: z.object({ user: UserSchema }) } },
});
