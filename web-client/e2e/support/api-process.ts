import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The API project to run (already built); another checkout's can be given for local runs. Its folder is the content root. */
export const apiProject = resolve(process.env.E2E_API_PROJECT ?? '../api/Participation.Api');

const apiDll = resolve(apiProject, 'bin/Debug/net10.0/Participation.Api.dll');

/**
 * The arguments of `dotnet` that start the API, the API's own arguments to follow: the built binary run directly
 * (`dotnet run` would evaluate the project first: seconds, tens on a loaded machine), else `dotnet run`.
 */
export const apiArgs: string[] = existsSync(apiDll)
  ? [apiDll]
  : ['run', '--project', apiProject, '--no-build', '--no-launch-profile', '--'];

/** Runs one of the API's commands (`create-admin`, `create-operator`…) against the suite's database; it fails the caller
 * when the command does. */
export function runApiCommand(args: string[]) {
  execFileSync('dotnet', [...apiArgs, ...args], {
    cwd: apiProject,
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Development',
      ConnectionStrings__Participation: process.env.E2E_DATABASE_URL,
      Email__PickupDirectory: process.env.MAIL_DIR,
      Logging__LogLevel__Default: 'Warning',
    },
    stdio: 'pipe',
    timeout: 120_000,
  });
}
