#!/usr/bin/env bash
# Generates the EF Core compiled models again (src/TpmPrep.Web/Data/CompiledModels), after any change to an entity or
# its configuration; a test (TheCompiledModelsAreTheModelTheCodeBuilds) fails until this has been run.
# The app names each model itself (DatabaseSetup.AddTpmPrepData), so the generated assembly attributes, which would make
# EF Core pick the compiled model even where the tests want the model built from the code, are removed.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for pair in SqliteAppDbContext:Sqlite PostgresAppDbContext:PostgreSql; do
  context=${pair%%:*} folder=${pair##*:}
  rm -rf "src/TpmPrep.Web/Data/CompiledModels/$folder"
  dotnet ef dbcontext optimize --project src/TpmPrep.Web --context "$context" \
    --output-dir "Data/CompiledModels/$folder" --namespace "TpmPrep.Web.Data.CompiledModels.$folder"
  rm -f "src/TpmPrep.Web/Data/CompiledModels/$folder/${context}AssemblyAttributes.cs"
done
rm -f src/TpmPrep.Web/design-time.db*
