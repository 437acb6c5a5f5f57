# bash completion for cloudplan: its commands (and those of `store` and `serve-user`), their options, the values
# of --format, --order and --diagnostics, and files or folders where a command takes them.
# Installed as share/bash-completion/completions/cloudplan, where bash-completion loads it on
# first use; it needs nothing from bash-completion itself. Keep it in step with `cloudplan COMMAND --help`.

# Completes a comma-separated list of the given values, leaving out those already in the list.
_cloudplan_list() {
  local cur=$1 prefix="" value listed
  shift
  [[ $cur == *,* ]] && prefix=${cur%,*},
  listed=",$prefix"
  for value in "$@"; do
    [[ $listed == *",$value,"* ]] || COMPREPLY+=("$prefix$value")
  done
  COMPREPLY=($(compgen -W "${COMPREPLY[*]}" -- "$cur"))
  compopt -o nospace 2>/dev/null
}

_cloudplan() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
  COMPREPLY=()
  # --option=value: bash splits it into "--option" "=" "value" (= is in COMP_WORDBREAKS).
  if [[ $cur == = ]]; then
    cur=""
  elif [[ $prev == = && $COMP_CWORD -ge 2 ]]; then
    prev=${COMP_WORDS[COMP_CWORD - 2]}
  fi

  local command="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      template | validate | plan | whatif | explain | diff | render | help | submit | history | export)
        command=${COMP_WORDS[i]}
        break
        ;;
      store)
        # `store` takes a command of its own: init, agencies, status, check.
        command=store
        for ((i = i + 1; i < COMP_CWORD; i++)); do
          case ${COMP_WORDS[i]} in
            init | agencies | status | check)
              command="store ${COMP_WORDS[i]}"
              break
              ;;
          esac
        done
        break
        ;;
      serve-user)
        # `serve-user DB` takes a command of its own after the store: add, list, revoke. Until
        # the store is given (a word that is not an option) there is only the store to complete.
        command="serve-user store"
        for ((i = i + 1; i < COMP_CWORD; i++)); do
          case ${COMP_WORDS[i]} in
            -*) ;;
            *)
              if [[ $command == "serve-user store" ]]; then
                command=serve-user
              else
                case ${COMP_WORDS[i]} in
                  add | list | revoke) command="serve-user ${COMP_WORDS[i]}" ;;
                esac
                break
              fi
              ;;
          esac
        done
        break
        ;;
    esac
  done

  case $prev in
    -o | --output)
      compopt -o filenames 2>/dev/null
      if [[ $command == export || $command == whatif || $command == diff ]]; then
        COMPREPLY=($(compgen -f -- "$cur"))  # a folder or a file (export --ids, diff)
      else
        COMPREPLY=($(compgen -d -- "$cur"))
      fi
      return
      ;;
    --store | --known | --agencies | --config | --baseline | --progress)
      compopt -o filenames 2>/dev/null
      COMPREPLY=($(compgen -f -- "$cur"))
      return
      ;;
    --format)
      if [[ $command == diff ]]; then
        COMPREPLY=($(compgen -W "text json html" -- "$cur"))
      else
        _cloudplan_list "$cur" svg png pdf
      fi
      return
      ;;
    --order)
      COMPREPLY=($(compgen -W "providers-first consumers-first none" -- "$cur"))
      return
      ;;
    --gantt)
      COMPREPLY=($(compgen -W "waves systems" -- "$cur"))
      return
      ;;
    --diagnostics)
      COMPREPLY=($(compgen -W "text json" -- "$cur"))
      return
      ;;
    --role)
      COMPREPLY=($(compgen -W "national reviewer" -- "$cur"))
      return
      ;;
    --encoding)
      COMPREPLY=($(compgen -W "windows-1252 iso-8859-1 cp1252 latin1" -- "$cur"))
      return
      ;;
    --default-agency | --agency | --focus | --depth | --today | --wave-capacity | --wave-effort | \
      --start | --wave-length | --freeze | --by | --message | --diff | --as-of | --submission | \
      --vary | --jobs)
      return  # a value of the user's own: nothing to offer
      ;;
  esac

  local options files=-f
  case $command in
    "")
      COMPREPLY=($(compgen -W "template validate plan whatif explain diff render store submit history
        export serve-user help -q --quiet --help --version" -- "$cur"))
      return
      ;;
    help)
      COMPREPLY=($(compgen -W "template validate plan whatif explain diff render store submit history \
        export serve-user" -- "$cur"))
      return
      ;;
    store)
      COMPREPLY=($(compgen -W "init agencies status check -q --quiet --help" -- "$cur"))
      return
      ;;
    "store init")
      options="--agencies --by --message --encoding -q --quiet --help"
      ;;
    "store agencies")
      options="--by --message --encoding -q --quiet --help"
      ;;
    "store status" | "store check")
      options="-q --quiet --help"
      ;;
    "serve-user store")
      options="-q --quiet --help"
      ;;
    serve-user)
      COMPREPLY=($(compgen -W "add list revoke -q --quiet --help" -- "$cur"))
      return
      ;;
    "serve-user add" | "serve-user list" | "serve-user revoke")
      # An account's name is the user's own: options only.
      [[ $command == "serve-user add" ]] && options="--agency --role -q --quiet --help" ||
        options="-q --quiet --help"
      [[ $cur == -* ]] && COMPREPLY=($(compgen -W "$options" -- "$cur"))
      return
      ;;
    submit)
      options="--agency --by --message -o --output --encoding --diagnostics --force -q --quiet
        --help"
      ;;
    history)
      options="--agency --diff -q --quiet --help"
      ;;
    export)
      options="-o --output --as-of --submission --ids --drop-unresolved --force -q --quiet --help"
      ;;
    template)
      options="--force -q --quiet --help"
      files=-d
      ;;
    validate)
      options="--store --known --default-agency --encoding --config --diagnostics -q --quiet --help"
      ;;
    plan)
      options="-o --output --store --drop-unresolved --wave-capacity --wave-effort --order --start
        --wave-length --freeze --allow-oversize --baseline --progress --today --default-agency
        --encoding --archimate --render --format --config --diagnostics --force -q --quiet --help"
      ;;
    whatif)
      options="--vary --wave-capacity --wave-effort --order --start --wave-length --freeze
        --allow-oversize --baseline --progress --today --default-agency --encoding --config -o
        --output --jobs --diagnostics -q --quiet --help"
      ;;
    explain)
      options="-q --quiet --help"
      ;;
    diff)
      options="--format -o --output --exit-code -q --quiet --help"
      ;;
    render)
      options="-o --output --format --agency --focus --depth --gantt --today --no-waves --force -q
        --quiet --help"
      ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
  else
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen "$files" -- "$cur"))
  fi
}

complete -F _cloudplan cloudplan
