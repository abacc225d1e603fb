"use server";
// The header's ログアウト and My Account's すべての端末からログアウト (lib/auth/logout.ts).
import { redirect } from "next/navigation";
import { logOut } from "@/lib/auth/logout";

export async function logoutAction(): Promise<never> {
  await logOut("this");
  redirect("/");
}

export async function logoutEverywhereAction(): Promise<never> {
  await logOut("everywhere");
  redirect("/login");
}
