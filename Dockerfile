# letterpipe worker: converts every PDF dropped in /data/inbox.
#   docker build -t letterpipe .
#   docker run -v "$PWD/inbox:/data/inbox" -v "$PWD/output:/data/output" \
#              -v "$PWD/archive:/data/archive" -v "$PWD/failed:/data/failed" letterpipe
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first so the package layer is cached while the code changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/LetterPipeline.Core/LetterPipeline.Core.csproj src/LetterPipeline.Core/
COPY src/LetterPipeline.Evaluation/LetterPipeline.Evaluation.csproj src/LetterPipeline.Evaluation/
COPY src/LetterPipeline/LetterPipeline.csproj src/LetterPipeline/
RUN dotnet restore src/LetterPipeline/LetterPipeline.csproj -r linux-x64
COPY src/ src/
# Self-contained, one composite ReadyToRun image of the app and .NET (see the csproj): the runtime comes with it.
RUN dotnet publish src/LetterPipeline/LetterPipeline.csproj -c Release -r linux-x64 --no-restore -o /app

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
# qpdf rebuilds PDFs PdfPig refuses; pdftoppm and Tesseract read scanned and garbled pages (docs/reading.md).
RUN apt-get update \
    && apt-get install -y --no-install-recommends qpdf poppler-utils tesseract-ocr tesseract-ocr-nld tesseract-ocr-eng \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /app /app
RUN mkdir -p /data/inbox /data/output /data/archive /data/failed && chown -R app:app /data
# The worker starts /app/letterpipe again for each converter process, so the app folder must stay as published.
ENV Pipeline__Inbox=/data/inbox \
    Pipeline__Output=/data/output \
    Pipeline__Archive=/data/archive \
    Pipeline__Failed=/data/failed \
    Pipeline__KeepInputs=false \
    Storage__ConnectionString="Data Source=/data/output/ledger.db" \
    Logging__Console__FormatterName=json
VOLUME ["/data/inbox", "/data/output", "/data/archive", "/data/failed"]
WORKDIR /data
USER app
ENTRYPOINT ["/app/letterpipe", "run"]
