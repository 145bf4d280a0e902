export { GET, OPTIONS } from "@/app/.well-known/smart-configuration/route";
